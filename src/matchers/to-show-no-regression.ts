import type { MatcherState } from 'vitest';
import { isAbResult, type AbResult } from '../contracts/ab-result.js';
import type { AbTolerances } from '../ab/judge-ab.js';
import { describeHeadline, describeJudgement, describeMetric } from '../ab/describe-ab.js';
import { judgeAb, type AbJudgement } from '../ab/judge-ab.js';
import { StressError } from '../errors.js';
import { resolveConfidence } from './confidence-options.js';
import { describeReceived } from '../format/message.js';
import {
  afterNot,
  failsTest,
  verdicts,
  vitestPass,
  type MatcherResult,
  type Verdicts,
} from './verdict.js';
import type { InconclusivePolicy } from '../trust/inconclusive.js';

/** Options of toShowNoRegression. */
export interface NoRegressionOptions {
  /** Each interval bound holds with this probability (one-sided), in (0.5, 1); default 0.95. */
  confidence?: number;
  /** What an inconclusive comparison does to the test: 'pass' (default, or STRESS_INCONCLUSIVE) or 'fail'. */
  inconclusive?: 'pass' | 'fail';
}

const MATCHER = 'toShowNoRegression';
const DEFAULT_CONFIDENCE = 0.95;

/** One verdict per metric of the judgement: the headline and that metric's line, with its interval. */
function recordMetrics(
  v: Verdicts,
  received: AbResult,
  judgement: AbJudgement,
  policy: InconclusivePolicy,
): void {
  for (const m of judgement.metrics) {
    // A shown regression is what `.not` asks for; an inconclusive metric counts as the policy says.
    const state = afterNot(m.state, v.isNot);
    v.record(
      !failsTest(state, policy),
      `${describeHeadline(received, judgement, v.isNot)}\n  ${describeMetric(m)}`,
      {
        metric: m.metric,
        unit: m.unit,
        threshold: m.tolerance,
        observed: m.estimate,
        ...(received.name ? { subject: received.name } : {}),
        state,
        reason: m.reason,
        interval: {
          low: m.lower,
          high: m.upper,
          confidence: judgement.confidence,
          method: m.unit === 'ratio' ? 'paired-t-log-ratio' : 'newcombe',
        },
      },
    );
  }
}

/**
 * Judges a compareTargets() result: passes unless a metric regressed beyond its tolerance with
 * the whole interval past it (see judgeAb). Inconclusive comparisons pass unless
 * `inconclusive: 'fail'` or STRESS_INCONCLUSIVE=fail (also with `.not`, which asks for a shown
 * regression). A comparison with a round without
 * successful responses, or bad tolerances, never passes. One verdict per metric is recorded
 * (headline and that metric's line; the rounds are in the recorded AB result).
 */
export function toShowNoRegression(
  this: MatcherState,
  received: unknown,
  tolerances?: AbTolerances,
  options: NoRegressionOptions = {},
): MatcherResult {
  const v = verdicts(this, { matcher: MATCHER });
  const isNot = v.isNot;
  const fail = (message: string): MatcherResult =>
    v.refuse(message, { metric: 'ab', threshold: describeReceived(tolerances) });
  if (!isAbResult(received))
    return fail(
      `${MATCHER}: expected a compareTargets() result, received ${describeReceived(received)}`,
    );
  if (typeof options !== 'object' || options === null)
    return fail(
      `${MATCHER}: options must be an object such as { confidence: 0.95 }, received ${describeReceived(options)}`,
    );
  const resolved = resolveConfidence({ confidence: DEFAULT_CONFIDENCE, ...options });
  if (typeof resolved !== 'object') return fail(`${MATCHER}: ${resolved}`);
  let judgement: AbJudgement;
  try {
    judgement = judgeAb(
      received,
      tolerances,
      sequentialConfidence(received, tolerances, options) ?? resolved.confidence,
    );
  } catch (error) {
    if (error instanceof StressError) return fail(`${MATCHER}: ${error.message}`);
    throw error;
  }
  const message = describeJudgement(received, judgement, isNot);
  if (judgement.metrics.some((m) => m.call === 'nothing to judge')) return fail(message);
  const policy = resolved.inconclusive;
  recordMetrics(v, received, judgement, policy);
  // Inconclusive does what the policy says with and without `.not`.
  return {
    pass: vitestPass(failsTest(afterNot(judgement.state, isNot), policy), isNot),
    message: () => message,
  };
}

/**
 * A sequential comparison is judged at the per-bound confidence of the look that stopped it, so
 * the matcher agrees with the stop; only when it states the tolerances that comparison watched
 * and no confidence of its own.
 */
function sequentialConfidence(
  ab: AbResult,
  tolerances: AbTolerances | undefined,
  options: NoRegressionOptions,
): number | undefined {
  const report = ab.sequential;
  if (report === undefined || options.confidence !== undefined) return undefined;
  const same = JSON.stringify(tolerances ?? { p95: '+10%' }) === JSON.stringify(report.tolerances);
  return same ? report.lookConfidence : undefined;
}
