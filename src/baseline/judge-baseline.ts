import { createHash } from 'node:crypto';
import type { BaselineVerdict, SlaVerdict, VerdictState } from '../contracts/meta.js';
import type { BaselineEntry } from './baseline-entry.js';
import {
  compareToBaseline,
  incomparability,
  type CompareOptions,
  type ComparedRun,
  type MetricComparison,
} from './compare-baseline.js';
import { describeComparison } from './describe-comparison.js';
import type { Tolerance } from './tolerance.js';

/** The matcher's name, as its verdicts record it. */
export const BASELINE_MATCHER = 'toMatchPerfBaseline';

/**
 * Compare a run with its baseline entry, one figure per tolerance; a baseline that is not
 * comparable (profile, model or, per `machineDifference`, machine) makes every figure that was
 * not already inconclusive inconclusive, with the reason.
 */
export function judgeBaseline(
  entry: BaselineEntry,
  run: ComparedRun,
  tolerances: Tolerance[],
  options: CompareOptions,
  machineDifference: string | undefined,
): MetricComparison[] {
  const notComparable = incomparability(entry, run, machineDifference);
  return compareToBaseline(entry, run, tolerances, options).map((c): MetricComparison =>
    notComparable && c.outcome !== 'inconclusive'
      ? { ...c, outcome: 'inconclusive', reason: notComparable }
      : c,
  );
}

/** The state of a comparison: a regression fails, inconclusive stays, the rest pass. */
export function comparisonState(c: MetricComparison): VerdictState {
  if (c.outcome === 'regression') return 'fail';
  return c.outcome === 'inconclusive' ? 'inconclusive' : 'pass';
}

/** True when the comparison fails the test: a regression, or inconclusive under policy 'fail'. */
export function comparisonFails(c: MetricComparison, inconclusive: 'pass' | 'fail'): boolean {
  return c.outcome === 'regression' || (c.outcome === 'inconclusive' && inconclusive === 'fail');
}

/** The verdict of one figure's comparison, as toMatchPerfBaseline records it. */
export function comparisonVerdict(
  c: MetricComparison,
  baseline: Omit<BaselineVerdict, 'value' | 'outcome'>,
): SlaVerdict {
  const state = comparisonState(c);
  return {
    matcher: BASELINE_MATCHER,
    metric: c.tolerance.metric,
    unit: c.unit,
    threshold: c.tolerance.text,
    observed: c.current,
    pass: state === 'pass',
    negated: false,
    message: describeComparison(c),
    state,
    ...(c.interval
      ? {
          interval: {
            low: c.interval.low,
            high: c.interval.high,
            confidence: c.interval.confidence,
            method: c.interval.method,
          },
        }
      : {}),
    ...(c.reason ? { reason: c.reason } : {}),
    baseline: { value: c.baseline, outcome: c.outcome, ...baseline },
  };
}

/** SHA-256 (hex) of an entry's JSON: which entry a split compared with. */
export function entrySha256(entry: BaselineEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('hex');
}
