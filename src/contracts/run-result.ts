import type { SequentialReport } from './sequential.js';
import type { FaultBreakdown } from './fault-breakdown.js';
import type { LatencyIntervals, LatencySummary } from './latency.js';
import type { MetricsSeries } from './metrics-series.js';
import type { ScheduleReport } from './schedule.js';
import type { RequestOutcome } from './request-outcome.js';

export type { LatencySummary, ScheduleReport };

/**
 * Request accounting. Invariants:
 * `total = ok + failed + cancelled` and `failed = httpErrors + errors + timeouts`.
 * `dropped` counts open-model sends that were never made (maxInFlight reached); they are not in `total`.
 */
export interface RequestCounts {
  /** Requests sent. */
  total: number;
  /** Answered with a 2xx or 3xx status. */
  ok: number;
  /** httpErrors + errors + timeouts. */
  failed: number;
  /** Answered with a status outside 2xx/3xx. */
  httpErrors: number;
  /** Network errors: refused, reset, closed before the answer. */
  errors: number;
  /** No answer within the request timeout. */
  timeouts: number;
  /** Still in flight when the run ended. */
  cancelled: number;
  /** Open model only: sends skipped because maxInFlight was reached. */
  dropped: number;
}

/** One error message and how often it happened. */
export interface ErrorCount {
  message: string;
  count: number;
}

/**
 * The same summary shape for a whole run, one scenario or one phase.
 * `latency` covers successful (2xx/3xx) responses only; failures are in `requests`.
 */
export interface RunSummary {
  latency: LatencySummary;
  requests: RequestCounts;
  /**
   * failed / (ok + failed): the share of finished requests that failed; 0..1. 1 when nothing
   * finished but something was sent.
   */
  errorRate: number;
  /** Finished requests (ok + failed) per second of `durationMs`. */
  throughput: number;
  /** Responses by HTTP status, e.g. { "200": 4980, "503": 20 }. */
  statusCodes: Record<string, number>;
  /** Error messages, most frequent first. */
  errors: ErrorCount[];
  /** Wall time this summary covers, in ms. */
  durationMs: number;
  /** Highest number of concurrent users (closed model) or in-flight requests (open model) seen. */
  users: number;
  /** HdrHistogram compressed base64 of the latency histogram, in microseconds. */
  histogram: string;
  /**
   * Distribution-free 95% bounds (order statistics) of every percentile in `latency`;
   * each bound one-sided at 95%, null where the run had too few samples. See docs/trust.md.
   */
  intervals?: LatencyIntervals;
}

/** One second of the run. `t` is the second's start, in seconds since the run started. */
export interface TimelineEntry {
  t: number;
  /** Requests sent in this second. */
  sent: number;
  /** Requests finished (answered, failed or timed out) in this second. */
  requests: number;
  /** Requests that failed in this second. */
  errors: number;
  timeouts: number;
  /** Latency of this second's successful responses, ms; null when there were none. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Active users (closed model) or target rate (open model) at the end of the second. */
  users: number;
  /** Requests in flight at the end of the second. */
  inFlight: number;
  /** Phase (stage) name at the end of the second, when the run has stages. */
  phase?: string;
}

/** One request's fate, for joining with an audit log or a fault log. */
/** Why a request failed when the load generator itself made it fail (client-side chaos). */
export type FailureCause = 'client-timeout-chaos';

export interface LedgerEntry {
  id: string;
  scenario: string;
  outcome: RequestOutcome;
  /** HTTP status when there was an answer. */
  status?: number;
  /** Error message for network errors and timeouts. */
  error?: string;
  /** Set when the generator caused the failure: 'client-timeout-chaos' for a timeout shortened by `clientTimeout`. */
  cause?: FailureCause;
  /** Retry-After header of a failed answer (503, 429, ...), when the server sent one. */
  retryAfter?: string;
  /** ms from (intended) send to the end; absent for cancelled requests. */
  latencyMs?: number;
  /** ms since the run started when the request was sent. */
  sentAtMs: number;
  /** Journey runs: the journey this step's request belongs to. */
  journey?: string;
  /** Journey runs: the id of the journey iteration; the steps of one iteration share it. */
  journeyId?: string;
}

export type LoadModel = 'closed' | 'open' | 'in-process';

/**
 * What sent the traffic, in a result's `engine`. Not the `engine` option (which picks between
 * 'autocannon' and 'undici'): 'undici' is the closed-model virtual users, 'undici-open' the
 * open-model (rate) scheduler, 'tinybench' an in-process measure().
 */
export type ResultEngine = 'autocannon' | 'undici' | 'undici-open' | 'tinybench';

/** The full result of load() or measure(): a plain, JSON-serialisable object. */
export interface RunResult extends RunSummary {
  kind: 'vitest-stress/run';
  schemaVersion: 1;
  model: LoadModel;
  /** What the latency figures measure, in words (service time, response time from intended send, ...). */
  measured: string;
  engine: ResultEngine;
  /** STRESS_PROFILE in force (smoke | quick | full), or 'custom'. */
  profile: string;
  target: string;
  startedAt: string;
  timeline: TimelineEntry[];
  scenarios: Record<string, RunSummary>;
  phases: Record<string, RunSummary>;
  /**
   * One entry per request. An array for runs that kept it in memory; a view of the ledger file,
   * read one chunk at a time, for runs whose ledger went to disk (`ledgerFile` says where).
   */
  ledger: RunLedger;
  /** Present when the ledger went to disk: where, how big, and whether every row was written. */
  ledgerFile?: LedgerFileSection;
  /**
   * Encoded latency histogram (µs) of each `timeline` second, '' for seconds without successes:
   * what toMatchPerfBaseline resamples (block bootstrap). Left out of the reports, except in split
   * runs (the merge adds them second by second) and merged runs.
   */
  secondHistograms?: string[];
  /** Things that make the figures less trustworthy (event-loop lag, late sends, ...). */
  warnings: string[];
  /** The options used, with functions replaced by '[function]'. */
  options: Record<string, unknown>;
  /** Present when this process drove one split of a load spread over several (STRESS_SPLIT, `split`). */
  split?: SplitInfo;
  /** Open model only: how well the generator kept to its send schedule. */
  schedule?: ScheduleReport;
  /** What a chaos proxy injected, joined with the ledger: added by withFaults() (vitest-stress/chaos). */
  faults?: FaultBreakdown;
  /** Server metrics sampled during the run: added by loadWithMetrics() or withMetrics() (vitest-stress/metrics). */
  metrics?: MetricsSeries;
  /** Present for `load({ until })`: when and why the run stopped, and each SLA's sequential verdict. */
  sequential?: SequentialReport;
  /** Journey runs (`load({ journeys })`): each step's figures, by step name. */
  steps?: Record<string, StepSummary>;
  /** Journey runs: each journey's figures, by journey name. */
  journeys?: Record<string, JourneySummary>;
}

/** A step's figures: a scenario summary (the matchers work on it) plus the steps never sent. */
export interface StepSummary extends RunSummary {
  /** Times this step was not sent because an earlier step of its iteration failed. */
  skipped: number;
  /**
   * The step's failures that its check or a capture caused, by reason, most first (a subset of
   * `errors`, told apart where the step failed, not by wording). Absent in results of older versions.
   */
  checkFailures?: ErrorCount[];
}

/**
 * A journey's figures. As a RunSummary, `requests` counts iterations (total = started,
 * ok = completed) and `latency` is the duration of completed iterations, from the (intended) start
 * to the last answer, so `toHaveP95Below` judges whole journeys.
 */
export interface JourneySummary extends RunSummary {
  started: number;
  completed: number;
  failed: number;
  /** Cut off by the end of the run. */
  cancelled: number;
  /** Failed iterations by the step they failed at. */
  failedAt: Record<string, number>;
  /** Steps not sent after a failure, by step name. */
  skippedSteps: Record<string, number>;
  /** Iterations that did not start because the feeder had no row left. */
  notStarted: number;
  /** Open model: arrivals not started because maxInFlight journeys were in flight. */
  dropped: number;
}

/**
 * The request ledger as a result holds it: iterable (one pass reads a file ledger one chunk at a
 * time) with the array methods code written for `LedgerEntry[]` used. A `LedgerEntry[]` is one.
 */
export interface RunLedger extends Iterable<LedgerEntry> {
  /** Requests in the ledger. */
  readonly length: number;
  filter(predicate: (entry: LedgerEntry, index: number) => unknown): LedgerEntry[];
  map<U>(fn: (entry: LedgerEntry, index: number) => U): U[];
  flatMap<U>(fn: (entry: LedgerEntry, index: number) => U | readonly U[]): U[];
  some(predicate: (entry: LedgerEntry, index: number) => unknown): boolean;
  every(predicate: (entry: LedgerEntry, index: number) => unknown): boolean;
  find(predicate: (entry: LedgerEntry, index: number) => unknown): LedgerEntry | undefined;
  forEach(fn: (entry: LedgerEntry, index: number) => void): void;
}

/** Where a run's ledger file is and how it fared: `partial` ledgers are refused by the joins. */
export interface LedgerFileSection {
  /** Absolute path of the binary columnar file. */
  path: string;
  /** Kept after the run (`ledger: { keep: true }`); else removed when the result is collected or at exit. */
  kept: boolean;
  /** Rows handed to the file (every request of the run). */
  rows: number;
  /** Rows on disk. */
  writtenRows: number;
  /** rows - writtenRows. */
  lostRows: number;
  /** Bytes on disk. */
  bytes: number;
  /** True when rows were lost: the audit and chaos joins refuse it (ERR_STRESS_LEDGER_INCOMPLETE). */
  partial: boolean;
  /** The first create/write error, when there was one. */
  error?: string;
}

/** Which share of a split load a run drove, and how it met the common start. */
export interface SplitInfo {
  /** 1..count. */
  index: number;
  count: number;
  /** Common start time (epoch ms), or null when none applied to this load(). */
  startAt: number | null;
  /** ms this split started after `startAt`; 0 when on time or without one. */
  lateStartMs: number;
  /** Late start and other things that make the split's overlap with the others doubtful. */
  warnings: string[];
}

/** How a merged run was put together from its splits (set by `vitest-stress merge`). */
export interface MergedInfo {
  /** How many splits were merged. */
  count: number;
  /** Each split's start (ISO), late start and request total. */
  splits: Array<{ index: number; startedAt: string; lateStartMs: number; requests: number }>;
  /** ms from the earliest split start to the latest split end: the window throughput is computed over. */
  windowMs: number;
}

/** True for anything shaped like a RunSummary (a run result, a scenario or a phase). */
export function isRunSummary(value: unknown): value is RunSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RunSummary>;
  return (
    typeof v.latency === 'object' &&
    v.latency !== null &&
    typeof v.latency.count === 'number' &&
    typeof v.requests === 'object' &&
    v.requests !== null &&
    typeof v.requests.total === 'number' &&
    typeof v.errorRate === 'number'
  );
}

/** True for a full run result. */
export function isRunResult(value: unknown): value is RunResult {
  return isRunSummary(value) && (value as RunResult).kind === 'vitest-stress/run';
}
