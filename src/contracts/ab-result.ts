// The result of compareTargets(): kept in a test's meta and in perf-results.json.

/** One side's figures in one round; latencies in ms over successful responses, null when there were none. */
export interface AbSideFigures {
  p50Ms: number | null;
  p75Ms: number | null;
  p90Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  p999Ms: number | null;
  /** failed / (ok + failed), 0..1. */
  errorRate: number;
  /** Finished requests per second. */
  throughputRps: number;
  /** Requests sent, answered 2xx/3xx, failed (HTTP errors, network errors, timeouts). */
  total: number;
  ok: number;
  failed: number;
  durationMs: number;
}

/** One paired round: both targets, one after the other, in `order`. */
export interface AbRound {
  /** 1-based. */
  round: number;
  /** 'AB': baseline first; 'BA': candidate first. Rounds alternate, so the runs go A B B A A B … */
  order: 'AB' | 'BA';
  baseline: AbSideFigures;
  candidate: AbSideFigures;
}

/** The result of compareTargets(): a plain, JSON-serialisable object. */
export interface AbResult {
  kind: 'vitest-stress/ab';
  schemaVersion: 1;
  name?: string;
  baseline: string;
  candidate: string;
  /** The run order used, one letter per run: 'ABBAAB…' (A = baseline, B = candidate). */
  order: string;
  /** Duration of each run, ms (when the rounds are time-bounded). */
  roundDurationMs?: number;
  /** Warm-up per target before round 1, ms (0 = none). */
  warmupMs: number;
  /** STRESS_PROFILE in force, or 'custom'. */
  profile: string;
  startedAt: string;
  rounds: AbRound[];
  /** Warnings of the underlying runs (late sends, loop lag, cancelled requests), prefixed with the run. */
  warnings: string[];
  /** Present for a sequential comparison (`sequential: { minRounds, maxRounds }`): when and why it stopped. */
  sequential?: AbSequentialReport;
}

/** How a sequential A/B comparison ended: rounds were added in ABBA pairs until decided. */
export interface AbSequentialReport {
  /** 1 − α over all looks together. */
  confidence: number;
  method: 'obrien-fleming-spending';
  /** The tolerances judged at every look, as written ({ p95: '+10%' } by default). */
  tolerances: Record<string, string>;
  minRounds: number;
  maxRounds: number;
  roundsUsed: number;
  /** 'decided': pass or fail before maxRounds; 'max-rounds': still undecided; 'aborted': signal. */
  stoppedBecause: 'decided' | 'max-rounds' | 'aborted';
  state: 'pass' | 'fail' | 'inconclusive';
  /** The per-bound confidence of the look that decided (or of the last look): judge with it to agree. */
  lookConfidence: number;
}

/** True for a compareTargets() result. */
export function isAbResult(value: unknown): value is AbResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AbResult>;
  return v.kind === 'vitest-stress/ab' && Array.isArray(v.rounds);
}
