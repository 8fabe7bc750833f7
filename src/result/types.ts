import type { LatencySummary } from '../recorder/latency-histogram.js';

export type { LatencySummary };

/** How one sent request ended. */
export type RequestOutcome = 'ok' | 'http-error' | 'error' | 'timeout' | 'cancelled';

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
  /** failed / (ok + failed): the share of finished requests that failed; 0..1. 1 when nothing finished but something was sent. */
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
}

export type LoadModel = 'closed' | 'open' | 'in-process';

/** The full result of load() or measure(): a plain, JSON-serialisable object. */
export interface RunResult extends RunSummary {
  kind: 'vitest-stress/run';
  schemaVersion: 1;
  model: LoadModel;
  /** What the latency figures measure, in words (service time, response time from intended send, ...). */
  measured: string;
  engine: string;
  /** STRESS_PROFILE in force (smoke | quick | full), or 'custom'. */
  profile: string;
  target: string;
  startedAt: string;
  timeline: TimelineEntry[];
  scenarios: Record<string, RunSummary>;
  phases: Record<string, RunSummary>;
  ledger: LedgerEntry[];
  /** Things that make the figures less trustworthy (event-loop lag, late sends, ...). */
  warnings: string[];
  /** The options used, with functions replaced by '[function]'. */
  options: Record<string, unknown>;
  /** Extra sections added by other parts (chaos faults, server metrics). */
  [extra: string]: unknown;
}

/** True for anything shaped like a RunSummary (a run result, a scenario or a phase). */
export function isRunSummary(value: unknown): value is RunSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RunSummary>;
  return (
    typeof v.latency === 'object' && v.latency !== null && typeof v.latency.count === 'number' &&
    typeof v.requests === 'object' && v.requests !== null && typeof v.requests.total === 'number' &&
    typeof v.errorRate === 'number'
  );
}

/** True for a full run result. */
export function isRunResult(value: unknown): value is RunResult {
  return isRunSummary(value) && (value as RunResult).kind === 'vitest-stress/run';
}
