import type { MatcherState } from 'vitest';
import { isRunSummary, type RunSummary } from '../result/types.js';
import { recordVerdictInTest } from '../vitest/current-test.js';
import type { SlaVerdict } from '../vitest/meta.js';
import { describeReceived, describeRun, formatNumber } from './describe.js';
import type { Bounds } from './bounds.js';
import { resolveConfidence } from './confidence-options.js';
import { judgeWithConfidence } from './judge-confidence.js';

/** What a matcher returns to Vitest. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/** A threshold check of one figure of a run: below or above. */
export interface ThresholdSpec {
  matcher: string;
  /** Name in messages: 'p95', 'error rate', 'throughput'. */
  metric: string;
  /** Unit of threshold and figure in messages and verdicts: 'ms', '', 'rps'. */
  unit: string;
  direction: 'below' | 'above';
  threshold: unknown;
  /** Validate the threshold; return a complaint or undefined. */
  checkThreshold: (threshold: number) => string | undefined;
  /** Read the figure; a string explains why there is nothing to judge (zero samples). */
  observe: (summary: RunSummary) => number | string;
  /** The sample count shown as n= in messages; default: latency samples (successful responses). */
  countOf?: (summary: RunSummary) => number;
  /** Format a figure for messages, e.g. as a percentage. */
  format?: (value: number) => string;
  /** Confidence bounds of the figure, for verdicts with `{ confidence }`. */
  bounds: (summary: RunSummary, confidence: number) => Bounds;
}

type Test = Parameters<typeof recordVerdictInTest>[1];

/**
 * The shared body of every threshold matcher. Bad input and "nothing to judge" fail the
 * assertion with or without `.not` (zero samples never pass); each verdict is recorded in
 * the test's meta for the reporter.
 */
export function judgeThreshold(state: MatcherState, received: unknown, spec: ThresholdSpec, options?: unknown): MatcherResult {
  const isNot = state.isNot === true;
  const format = spec.format ?? ((v: number) => `${formatNumber(v)}${spec.unit ? ` ${spec.unit}` : ''}`);
  const verb = `${isNot ? 'not ' : ''}${spec.direction}`;
  const fail = (message: string, observed: number | null): MatcherResult => {
    record(state, { matcher: spec.matcher, metric: spec.metric, unit: spec.unit, threshold: thresholdForVerdict(spec.threshold), observed, pass: false, negated: isNot, message });
    // pass === isNot makes the assertion fail both with and without .not.
    return { pass: isNot, message: () => message };
  };

  if (!isRunSummary(received)) {
    return fail(`${spec.matcher}: expected a vitest-stress run result (from load() or measure()), received ${describeReceived(received)}`, null);
  }
  const threshold = spec.threshold;
  const complaint = typeof threshold !== 'number' || !Number.isFinite(threshold)
    ? `a finite number, received ${describeReceived(threshold)}`
    : spec.checkThreshold(threshold);
  if (complaint !== undefined) return fail(`${spec.matcher}: threshold must be ${complaint}`, null);
  const limit = threshold as number;
  const confidence = resolveConfidence(options);
  if (typeof confidence === 'string') return fail(`${spec.matcher}: ${confidence}`, null);

  const observed = spec.observe(received);
  if (typeof observed === 'string') return fail(`expected ${spec.metric} ${verb} ${format(limit)}, but ${observed} (${describeRun(received, spec.countOf?.(received))})`, null);
  if (confidence) return judgeWithConfidence(state, received, spec, { limit, observed, format, ...confidence });

  const pass = spec.direction === 'below' ? observed < limit : observed > limit;
  const message = `expected ${spec.metric} ${verb} ${format(limit)}, got ${format(observed)} (${describeRun(received, spec.countOf?.(received))})`;
  record(state, { matcher: spec.matcher, metric: spec.metric, unit: spec.unit, threshold: limit, observed, pass: pass !== isNot, negated: isNot, message });
  return { pass, message: () => message, actual: observed, expected: limit };
}

/** Record a verdict in the running test, if any (matchers also work outside a test). */
export function record(state: MatcherState, verdict: SlaVerdict): void {
  const test = (state as MatcherState & { task?: Test }).task;
  recordVerdictInTest(verdict, test ?? undefined);
}

function thresholdForVerdict(threshold: unknown): number | string {
  return typeof threshold === 'number' ? threshold : describeReceived(threshold);
}
