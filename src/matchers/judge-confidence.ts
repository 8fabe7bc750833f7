import type { MatcherState } from 'vitest';
import type { RunSummary } from '../contracts/run-result.js';
import type { InconclusivePolicy } from '../trust/inconclusive.js';
import type { VerdictState } from '../contracts/meta.js';
import type { Bounds } from './bounds.js';
import { describeRun } from './describe.js';
import { record, type MatcherResult, type ThresholdSpec } from './judge.js';

/** What judgeThreshold has already checked and resolved. */
export interface ConfidenceJudgement {
  limit: number;
  observed: number;
  format: (value: number) => string;
  confidence: number;
  inconclusive: InconclusivePolicy;
}

/**
 * The state of "figure below (above) limit" from its bounds: pass when the whole interval is on
 * the good side, fail when it is wholly on the bad side, inconclusive otherwise.
 */
export function thresholdState(bounds: Bounds, direction: 'below' | 'above', limit: number): VerdictState {
  const { low, high } = bounds;
  if (direction === 'below') {
    if (high !== null && high < limit) return 'pass';
    if (low !== null && low >= limit) return 'fail';
    return 'inconclusive';
  }
  if (low !== null && low > limit) return 'pass';
  if (high !== null && high <= limit) return 'fail';
  return 'inconclusive';
}

function negate(state: VerdictState): VerdictState {
  return state === 'pass' ? 'fail' : state === 'fail' ? 'pass' : state;
}

/**
 * A threshold verdict with confidence: pass / fail / inconclusive from the figure's interval.
 * An inconclusive verdict fails the test only with `inconclusive: 'fail'` (or STRESS_INCONCLUSIVE=fail).
 */
export function judgeWithConfidence(state: MatcherState, summary: RunSummary, spec: ThresholdSpec, j: ConfidenceJudgement): MatcherResult {
  const isNot = state.isNot === true;
  const bounds = spec.bounds(summary, j.confidence);
  const verdict = isNot ? negate(thresholdState(bounds, spec.direction, j.limit)) : thresholdState(bounds, spec.direction, j.limit);
  const show = (v: number | null) => (v === null ? '?' : j.format(v));
  const percent = `${Math.round(j.confidence * 1000) / 10}%`;
  const straddles = `${percent} bounds [${show(bounds.low)}, ${show(bounds.high)}] straddle ${j.format(j.limit)}`;
  const reason = verdict === 'inconclusive' ? (bounds.shortfall ?? straddles) : undefined;
  const figures = `${spec.metric} ${j.format(j.observed)}, ${percent} bounds [${show(bounds.low)}, ${show(bounds.high)}] (${bounds.method})`;
  const failsTest = verdict === 'fail' || (verdict === 'inconclusive' && j.inconclusive === 'fail');
  const message = `expected ${spec.metric} ${isNot ? 'not ' : ''}${spec.direction} ${j.format(j.limit)} at ${percent} confidence: ${verdict}${reason ? ` (${reason})` : ''} — ${figures} (${describeRun(summary, spec.countOf?.(summary))})`;
  record(state, {
    matcher: spec.matcher, metric: spec.metric, unit: spec.unit, threshold: j.limit, observed: j.observed,
    pass: verdict === 'pass', negated: isNot, message, state: verdict,
    interval: { low: bounds.low, high: bounds.high, confidence: j.confidence, method: bounds.method },
    ...(reason ? { reason } : {}),
  });
  // Vitest fails the assertion when pass === isNot.
  return { pass: isNot ? failsTest : !failsTest, message: () => message, actual: j.observed, expected: j.limit };
}
