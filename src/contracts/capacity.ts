// A findCapacity() result, as the search builds it (src/capacity/) and as the reports carry it
// (task.meta, perf-results.json `tests[].capacity`): one set of types for both.

/** A level's or a line's verdict (meta.ts's VerdictState; meta.ts imports this file). */
type VerdictState = 'pass' | 'fail' | 'inconclusive';

/** One SLA line judged on one level's run. */
export interface SlaLineVerdict {
  /** 'p95', 'error rate', 'throughput', ... */
  metric: string;
  unit: string;
  limit: number;
  /** The point figure; null when there was nothing to judge (zero samples: a fail). */
  observed: number | null;
  low: number | null;
  high: number | null;
  state: VerdictState;
  /** Why inconclusive or failed without data. */
  reason?: string;
}

/** One resource's figure at one level and whether it was at or near its limit. */
export interface ResourceReading {
  /** 'queue pool_queue_length', 'workers pool_workers', 'CPU', 'event-loop lag', 'refusals …'. */
  resource: string;
  /** The highest (or, for CPU, mean; for refusals, the count) figure seen during the level. */
  value: number;
  /** The limit it is read against, null when it has none (an unbounded queue); 0 for refusals. */
  limit: number | null;
  saturated: boolean;
  /** The figure in words: 'pool_queue_length max 14', 'CPU 1.9 of 2 cores'. */
  text: string;
}

/** One level as run and judged (the last, longest run when it was extended). */
export interface LevelSummary {
  /** Users (closed model) or requests per second (open model). */
  level: number;
  state: VerdictState;
  /** Times the level was run (1 + extensions). */
  runs: number;
  durationMs: number;
  throughputRps: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  errorRate: number;
  /** Answers by HTTP status, e.g. { "200": 980, "503": 20 } (absent in results of older versions). */
  statusCodes?: Record<string, number>;
  lines: SlaLineVerdict[];
  /** Where the level came from: the step ramp or the bisection. */
  phase: 'step' | 'refine';
  /** Generator trouble during the level: event-loop lag or late / unsent open-model sends. */
  generatorWarnings: string[];
  /** The target's resources during the level, from /metrics; absent when none were sampled. */
  resources?: ResourceReading[];
  /** Why no resources were read (metrics off, scrape failures). */
  metricsError?: string;
  /**
   * How the target drained before the level's judged run (its last, when extended); absent for
   * the search's first run or `settle: 0`.
   */
  settle?: SettleReport;
}

/** The wait for the target to finish the last level's requests before the next level. */
export interface SettleReport {
  /** True when the target's in-flight, busy and queue gauges all read 0. */
  drained: boolean;
  /** Their sum at the first and the last reading; null when they could not be read. */
  heldAtStart: number | null;
  heldAtEnd: number | null;
  /** Time spent draining plus the quiet time, ms. */
  waitedMs: number;
  /** Why it did not drain (timeout, no metrics, scrape error). */
  reason?: string;
}

/** A Universal Scalability Law fit X(N) = λN / (1 + σ(N−1) + κN(N−1)) to (level, throughput). */
export interface UslFit {
  /** Throughput of one user (rps). */
  lambda: number;
  /** Contention (serialisation), 0..1. */
  sigma: number;
  /** Coherency (crosstalk), >= 0. */
  kappa: number;
  /** Concurrency of peak throughput, sqrt((1−σ)/κ); null when κ is ~0 (no peak: plateau). */
  peakUsers: number | null;
  /** Predicted throughput at peakUsers (or the plateau λ/σ when κ is ~0), rps. */
  peakRps: number | null;
  /** Coefficient of determination of the fit on the given points. */
  rSquared: number;
}

/** What limited the capacity, from the levels' resource readings. */
export interface Attribution {
  /** False when no level had metrics samples; `reason` says why. */
  possible: boolean;
  reason?: string;
  /** Resources at or near their limit at the first failing level, and since which level. */
  limitedBy: Array<{ resource: string; sinceLevel: number; text: string }>;
  /** True when the generator lagged or sent late: the capacity is a lower bound set by it. */
  generatorBound: boolean;
  /** One line for reports. */
  text: string;
}

/** What findCapacity() found. */
export interface CapacityResult {
  kind: 'vitest-stress/capacity';
  model: 'closed' | 'open';
  unit: 'users' | 'rps';
  /**
   * 'found': a pass and a conclusive fail above it; 'limit-not-reached': the top level passed;
   * 'none': even the first level did not pass; 'stopped': wall time or abort ended the search.
   */
  outcome: 'found' | 'limit-not-reached' | 'none' | 'stopped';
  /** The highest level that passed conclusively; null when none did. */
  capacity: number | null;
  /** The lowest level above the capacity that did not pass (failed or stayed inconclusive). */
  firstFailing: number | null;
  /** The SLA lines the first failing level broke (or could not settle). */
  brokenLines: SlaLineVerdict[];
  /** True when the generator lagged or sent late at a level that decided the answer: a lower bound. */
  generatorBound: boolean;
  confidence: number;
  resolution: number;
  /** Lowest level reaching 90% of the peak throughput seen (see kneeLevel). */
  knee: number | null;
  /** USL fit to the levels' throughput (closed model), or why there is none. */
  usl: UslFit | string;
  /** What saturated at the first failing level, or why that could not be said. */
  attribution: Attribution;
  levels: LevelSummary[];
  wallTimeMs: number;
  warnings: string[];
}

/** A findCapacity() result in a report: the result itself, as findCapacity() returns it. */
export type CapacityMeta = CapacityResult;
/** Report-side names of the same types. */
export type CapacitySlaLine = SlaLineVerdict;
export type CapacityResourceReading = ResourceReading;
export type CapacityLevel = LevelSummary;
export type CapacityUslFit = UslFit;
export type CapacityAttribution = Attribution;
