import type { AbResult } from '../ab/ab-types.js';
import type { RunResult, RunSummary, TimelineEntry } from '../result/types.js';

/** A verdict with confidence: the interval wholly on the good side, wholly on the bad side, or neither. */
export type VerdictState = 'pass' | 'fail' | 'inconclusive';

/** The interval a verdict with confidence was read from, in the verdict's unit. */
export interface VerdictInterval {
  /** Lower bound; null when the run had too few samples for it. */
  low: number | null;
  /** Upper bound; null when the run had too few samples for it. */
  high: number | null;
  /** Each bound is one-sided at this confidence (0.95 = 95%). */
  confidence: number;
  /** 'exact-binomial' | 'normal-approximation' (percentiles), 'wilson' (rates), 't-per-second' (throughput), 'block-bootstrap' ... */
  method: string;
}

/** One SLA check and its outcome, as a matcher left it in the test's meta. */
export interface SlaVerdict {
  /** Matcher name, e.g. 'toHaveP95Below'. */
  matcher: string;
  /** What was judged, e.g. 'p95', 'errorRate', 'throughput'. */
  metric: string;
  /** Unit of threshold and observed: 'ms', 'fraction', 'rps', ... */
  unit: string;
  threshold: number | string;
  /** The measured value; null when there was nothing to judge. */
  observed: number | null;
  /** True when the expectation held (after `.not`). */
  pass: boolean;
  /** True when used with `.not`. */
  negated: boolean;
  /** The failure (or, for `.not`, the would-be failure) text. */
  message: string;
  /** Phase or scenario judged, when not the whole run. */
  subject?: string;
  /** With `confidence` (or a baseline): pass, fail or inconclusive, after `.not`. Absent for point verdicts. */
  state?: VerdictState;
  /** The interval judged against the threshold, when the verdict was made with confidence. */
  interval?: VerdictInterval;
  /** Why an inconclusive verdict is inconclusive (straddles the threshold, too few samples, ...). */
  reason?: string;
  /** toMatchPerfBaseline: the baseline's figure and what the comparison found. */
  baseline?: BaselineVerdict;
}

/** The baseline side of a toMatchPerfBaseline verdict. */
export interface BaselineVerdict {
  /** The figure in the baseline (same unit as `observed`); null when it had none. */
  value: number | null;
  /** 'written' when this run wrote the baseline instead of comparing. */
  outcome: 'regression' | 'improvement' | 'unchanged' | 'inconclusive' | 'written';
  /** The baseline file, relative to the working directory. */
  file: string;
  /** When the baseline was recorded (ISO 8601). */
  recordedAt: string;
}

/** A load result as carried into the reports: summaries, timeline, no per-request ledger. */
export interface RunMeta extends Omit<RunSummary, 'histogram'> {
  name?: string;
  model: RunResult['model'];
  measured: string;
  engine: string;
  profile: string;
  target: string;
  startedAt: string;
  timeline: TimelineEntry[];
  scenarios: Record<string, Omit<RunSummary, 'histogram'>>;
  phases: Record<string, Omit<RunSummary, 'histogram'>>;
  warnings: string[];
  /** Encoded latency histogram (microseconds), for merging runs later. */
  histogram: string;
  [extra: string]: unknown;
}

/** What vitest-stress keeps in a test's `task.meta.vitestStress`. */
export interface StressMeta {
  runs: RunMeta[];
  verdicts: SlaVerdict[];
  /** compareTargets() results of the test (their runs are not in `runs`). */
  ab?: AbResult[];
}

declare module 'vitest' {
  interface TaskMeta {
    vitestStress?: StressMeta;
  }
}

const LEFT_OUT = new Set(['ledger', 'options', 'kind', 'schemaVersion', 'secondHistograms']);

/** The run's figures without the ledger (which can hold millions of entries). */
export function toRunMeta(result: RunResult): RunMeta {
  // Object.keys + reads of the other keys only: reading `ledger` would build it (it is lazy).
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(result)) if (!LEFT_OUT.has(key)) rest[key] = result[key];
  const strip = (summaries: Record<string, RunSummary>) =>
    Object.fromEntries(Object.entries(summaries).map(([k, { histogram: _h, ...s }]) => [k, s]));
  const name = typeof result.options.name === 'string' ? result.options.name : undefined;
  return { ...rest, ...(name ? { name } : {}), scenarios: strip(result.scenarios), phases: strip(result.phases) } as RunMeta;
}
