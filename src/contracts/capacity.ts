// A findCapacity() result as carried into the reports (task.meta, perf-results.json `tests[].capacity`).
// The search builds it in src/capacity/ (CapacityResult, which must stay assignable to CapacityMeta).

/** A level's or a line's verdict (meta.ts's VerdictState; meta.ts imports this file). */
type VerdictState = 'pass' | 'fail' | 'inconclusive';

/** One SLA line judged on one level: the point figure and its interval. */
export interface CapacitySlaLine {
  /** 'p95', 'error rate', 'throughput', ... */
  metric: string;
  unit: string;
  limit: number;
  /** The point figure; null when there was nothing to judge. */
  observed: number | null;
  /** The interval's bounds at the search's confidence; null when too few samples. */
  low: number | null;
  high: number | null;
  state: VerdictState;
  reason?: string;
}

/** One resource of the target at one level and whether it was at or near its limit. */
export interface CapacityResourceReading {
  /** 'queue pool_queue_length', 'workers pool_workers', 'CPU', 'event-loop lag', ... */
  resource: string;
  value: number;
  /** The limit it is read against; null when it has none (an unbounded queue). */
  limit: number | null;
  saturated: boolean;
  /** The figure in words: 'pool_workers_busy 4 of 4', 'CPU 1.96 of 2 cores'. */
  text: string;
}

/** One level as run and judged. */
export interface CapacityLevel {
  /** Users (closed model) or requests per second (open model). */
  level: number;
  state: VerdictState;
  /** Times the level was run: 1 + extensions of an inconclusive level. */
  runs: number;
  durationMs: number;
  throughputRps: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** failed / finished, 0..1. */
  errorRate: number;
  lines: CapacitySlaLine[];
  phase: 'step' | 'refine';
  generatorWarnings: string[];
  resources?: CapacityResourceReading[];
  metricsError?: string;
}

/** The Universal Scalability Law fit X(N) = λN / (1 + σ(N−1) + κN(N−1)). */
export interface CapacityUslFit {
  /** Throughput of one user, rps. */
  lambda: number;
  sigma: number;
  kappa: number;
  peakUsers: number | null;
  peakRps: number | null;
  rSquared: number;
}

/** What limited the capacity. */
export interface CapacityAttribution {
  possible: boolean;
  reason?: string;
  /** Saturated resources at the first failing level, and the level they stayed saturated from. */
  limitedBy: Array<{ resource: string; sinceLevel: number; text: string }>;
  generatorBound: boolean;
  text: string;
}

/** A findCapacity() result in a report. */
export interface CapacityMeta {
  kind: 'vitest-stress/capacity';
  model: 'closed' | 'open';
  unit: 'users' | 'rps';
  outcome: 'found' | 'limit-not-reached' | 'none' | 'stopped';
  /** The highest level that passed conclusively; null when none did. */
  capacity: number | null;
  /** The lowest level above the capacity that did not pass. */
  firstFailing: number | null;
  brokenLines: CapacitySlaLine[];
  generatorBound: boolean;
  /** One-sided confidence of every bound (0.95 = 95%). */
  confidence: number;
  /** Bisection stopped when last pass and first fail were this close (users or rps). */
  resolution: number;
  /** Lowest level reaching 90% of the peak throughput seen. */
  knee: number | null;
  /** The USL fit, or why there is none. */
  usl: CapacityUslFit | string;
  attribution: CapacityAttribution;
  levels: CapacityLevel[];
  wallTimeMs: number;
  warnings: string[];
}
