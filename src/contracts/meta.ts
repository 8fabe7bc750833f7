import type { AbResult } from './ab-result.js';
import type { CapacityMeta } from './capacity.js';
import type {
  JourneySummary,
  MergedInfo,
  RunResult,
  RunSummary,
  StepSummary,
} from './run-result.js';

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
  /**
   * 'exact-binomial' | 'normal-approximation' (percentiles), 'wilson' (rates), 't-per-second'
   * (throughput), 'block-bootstrap' ...
   */
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
  /** Try of the test that judged it (0-based attempt within its repetition, see `retry`). */
  attempt?: number;
  /** Repetition of the test that judged it (0-based, see `repeats`). */
  repetition?: number;
  /**
   * True for a threshold judged on one split of a split load (STRESS_SPLIT): recorded, not
   * enforced (the test does not fail on it); `vitest-stress merge` re-judges it on the merged run.
   */
  provisional?: boolean;
  /** Split verdicts: which run of the test, and which part of it, was judged (for re-judging). */
  judged?: { run: number; kind: 'run' | 'phase' | 'scenario' | 'step' | 'journey'; name?: string };
  /** Latency matchers: the percentile judged (0 < p <= 100), so the merge can judge it again. */
  percentile?: number;
  /** Merged verdicts: the split a carried-over (not re-judged) verdict came from. */
  split?: number;
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
  /** On a split's provisional verdict: how `vitest-stress merge` compares the merged run the same way. */
  split?: BaselineSplitCheck;
}

/** What a split's provisional toMatchPerfBaseline verdict keeps for the merge to compare again. */
export interface BaselineSplitCheck {
  /** The entry's key in `file`: the test's full name and the run name. */
  test: string;
  run: string;
  /** SHA-256 of the entry (its JSON) as the split read it: the merge compares with that entry only. */
  entrySha256: string;
  confidence: number;
  seed: number;
  /** What an inconclusive comparison does to the test (the split's STRESS_INCONCLUSIVE or option). */
  inconclusive: 'pass' | 'fail';
  /** How the split's machine differs from the baseline's, when it does (the merge cannot see it). */
  machineDifference?: string;
}

/** The parts of a RunResult that stay out of the reports (the ledger can hold millions of entries). */
type LeftOut = 'ledger' | 'options' | 'kind' | 'schemaVersion';

/** A load result as carried into the reports: summaries, timeline and optional sections, no per-request ledger. */
export interface RunMeta extends Omit<
  RunResult,
  LeftOut | 'scenarios' | 'phases' | 'steps' | 'journeys'
> {
  /** The run's `name` option, when given. */
  name?: string;
  scenarios: Record<string, Omit<RunSummary, 'histogram'> & { histogram?: string }>;
  phases: Record<string, Omit<RunSummary, 'histogram'> & { histogram?: string }>;
  /** Journey runs: each step's figures (histograms only in split runs). */
  steps?: Record<string, Omit<StepSummary, 'histogram'> & { histogram?: string }>;
  /** Journey runs: each journey's figures (histograms only in split runs). */
  journeys?: Record<string, Omit<JourneySummary, 'histogram'> & { histogram?: string }>;
  /** Try of the test that ran it (0-based attempt within its repetition, see `retry`). */
  attempt?: number;
  /** Repetition of the test that ran it (0-based, see `repeats`). */
  repetition?: number;
  /** A merged run: the splits it was made of. */
  merged?: MergedInfo;
}

/** One finished try of a test: which repetition and attempt, and how it ended. */
export interface TryMeta {
  repetition: number;
  attempt: number;
  state: 'passed' | 'failed' | 'skipped';
}

/** What vitest-stress keeps in a test's `task.meta.vitestStress`. */
export interface StressMeta {
  runs: RunMeta[];
  verdicts: SlaVerdict[];
  /** Every finished try, in order (present when the test scope hook is installed). */
  tries?: TryMeta[];
  /** compareTargets() results of the test (their runs are not in `runs`). */
  ab?: AbResult[];
  /** findCapacity() results of the test (their levels' runs are summarised there, not in `runs`). */
  capacity?: CapacityMeta[];
}

declare module 'vitest' {
  interface TaskMeta {
    vitestStress?: StressMeta;
  }
}
