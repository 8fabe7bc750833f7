import type { AbResult } from '../../src/contracts/ab-result.js';
import { judgeAb } from '../../src/ab/judge-ab.js';
import { toBaselineEntry, type BaselineEntry } from '../../src/baseline/baseline-entry.js';
import { compareToBaseline } from '../../src/baseline/compare-baseline.js';
import { parseTolerances } from '../../src/baseline/tolerance.js';
import { decodeHistogram } from '../../src/histogram/latency-histogram.js';
import type { RunResult } from '../../src/contracts/run-result.js';
import { percentileInterval } from '../../src/trust/percentile-interval.js';

/** What one method said about one rerun. */
export type Call = 'pass' | 'fail' | 'inconclusive';

/** The methods compared, in report order. */
export const METHODS = [
  'plain threshold',
  'confidence threshold',
  'baseline file',
  'A/B rounds',
] as const;
export type Method = (typeof METHODS)[number];

/**
 * The reference a single-run method judges against, from a calibration run of the baseline
 * target: the threshold a team would set (its p95 + the tolerance) and the baseline entry.
 */
export interface Reference {
  thresholdMs: number;
  entry: BaselineEntry;
}

/** Build the reference from a calibration run with `tolerance` headroom (0.10 = 10%). */
export function referenceFrom(calibration: RunResult, tolerance: number): Reference {
  return {
    thresholdMs: (calibration.latency.p95 as number) * (1 + tolerance),
    entry: toBaselineEntry('trust bench', calibration),
  };
}

/** expect(run).toHaveP95Below(threshold): the point estimate against the threshold. */
export function plainThreshold(run: RunResult, ref: Reference): Call {
  return run.latency.p95 !== null && run.latency.p95 < ref.thresholdMs ? 'pass' : 'fail';
}

/** The same threshold with { confidence }: fail only when the p95 interval's lower bound reaches it. */
export function confidenceThreshold(run: RunResult, ref: Reference, confidence: number): Call {
  const iv = percentileInterval(decodeHistogram(run.histogram), 95, confidence);
  if (iv.highMs !== null && iv.highMs < ref.thresholdMs) return 'pass';
  if (iv.lowMs !== null && iv.lowMs >= ref.thresholdMs) return 'fail';
  return 'inconclusive';
}

/** toMatchPerfBaseline({ p95 }): block-bootstrap ratio of the run against the recorded baseline. */
export function baselineFile(
  run: RunResult,
  ref: Reference,
  tolerance: string,
  confidence: number,
  seed: number,
): Call {
  const [comparison] = compareToBaseline(ref.entry, run, parseTolerances({ p95: tolerance }), {
    confidence,
    seed,
  });
  if (comparison.outcome === 'regression') return 'fail';
  return comparison.outcome === 'inconclusive' ? 'inconclusive' : 'pass';
}

/** toShowNoRegression({ p95 }): paired rounds. */
export function abRounds(ab: AbResult, tolerance: string, confidence: number): Call {
  return judgeAb(ab, { p95: tolerance }, confidence).state;
}
