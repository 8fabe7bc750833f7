import type { MatcherState } from 'vitest';
import type { RunSummary } from '../contracts/run-result.js';
import type { InconclusivePolicy } from '../trust/inconclusive.js';
import type { VerdictState } from '../contracts/meta.js';
import type { Bounds } from './bounds.js';
import { describeRun } from './describe.js';
import { formatPercent } from '../format/message.js';
import type { ThresholdSpec } from './threshold-spec.js';
import { afterNot, verdicts, type MatcherResult } from './verdict.js';

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
export function thresholdState(
  bounds: Bounds,
  direction: 'below' | 'above',
  limit: number,
): VerdictState {
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

/**
 * A threshold verdict with confidence: pass / fail / inconclusive from the figure's interval.
 * An inconclusive verdict fails the test only with `inconclusive: 'fail'` (or STRESS_INCONCLUSIVE=fail).
 */
export function judgeWithConfidence(
  state: MatcherState,
  summary: RunSummary,
  spec: ThresholdSpec,
  j: ConfidenceJudgement,
): MatcherResult {
  const v = verdicts(state, { matcher: spec.matcher, metric: spec.metric, unit: spec.unit });
  const bounds = spec.bounds(summary, j.confidence);
  const positive = thresholdState(bounds, spec.direction, j.limit);
  const verdict = afterNot(positive, v.isNot);
  const show = (value: number | null) => (value === null ? '?' : j.format(value));
  const percent = formatPercent(j.confidence);
  const range = `${percent} bounds [${show(bounds.low)}, ${show(bounds.high)}]`;
  const straddles = `${range} straddle ${j.format(j.limit)}`;
  const reason = verdict === 'inconclusive' ? (bounds.shortfall ?? straddles) : undefined;
  const figures = `${spec.metric} ${j.format(j.observed)}, ${range} (${bounds.method})`;
  const expectation = `${spec.metric} ${v.isNot ? 'not ' : ''}${spec.direction} ${j.format(j.limit)}`;
  const message =
    `expected ${expectation} at ${percent} confidence: ${verdict}` +
    `${reason ? ` (${reason})` : ''} — ${figures} (${describeRun(summary, spec.countOf?.(summary))})`;
  return v.stated(
    positive,
    j.inconclusive,
    message,
    {
      threshold: j.limit,
      observed: j.observed,
      interval: {
        low: bounds.low,
        high: bounds.high,
        confidence: j.confidence,
        method: bounds.method,
      },
      ...(reason ? { reason } : {}),
    },
    { actual: j.observed, expected: j.limit },
  );
}
