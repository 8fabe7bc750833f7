import type { MatcherState } from 'vitest';
import { describeBreakdown } from '../chaos/describe-breakdown.js';
import { faultsOf } from '../chaos/with-faults.js';
import { isRunSummary } from '../contracts/run-result.js';
import { describeRun, finishedCount } from './describe.js';
import { describeReceived, formatPercent } from '../format/message.js';
import { afterNot, verdicts, type MatcherResult } from './verdict.js';
import { rateBounds } from './bounds.js';
import { resolveConfidence, type ResolvedConfidence } from './confidence-options.js';
import type { InconclusivePolicy } from '../trust/inconclusive.js';

/** Options of toBeResilient. */
export interface ResilienceOptions {
  /** Lowest acceptable ok / finished requests, 0..1; default 0.8 (the seed's 80%). */
  minSuccessRate?: number;
  /** Judge the Wilson interval of the success rate at this confidence (each bound one-sided), e.g. 0.95. */
  confidence?: number;
  /** With `confidence`: what an inconclusive verdict does; default STRESS_INCONCLUSIVE, else 'pass'. */
  inconclusive?: InconclusivePolicy;
}

const OPTION_KEYS = ['minSuccessRate', 'confidence', 'inconclusive'];

const MATCHER = 'toBeResilient';
const HEAD = { matcher: MATCHER, metric: 'success rate', unit: 'fraction' };

/**
 * The options' confidence (undefined for a point verdict) and `minSuccessRate` once both are
 * known to be good; otherwise the message naming what is wrong.
 */
function checkOptions(
  options: ResilienceOptions,
  minSuccessRate: unknown,
): { confidence: ResolvedConfidence | undefined; minSuccessRate: number } | string {
  const unknown =
    typeof options === 'object' && options !== null
      ? Object.keys(options).filter((k) => !OPTION_KEYS.includes(k))
      : [];
  if (unknown.length > 0)
    return `${MATCHER}: unknown option "${unknown[0]}"; the options are ${OPTION_KEYS.join(', ')}`;
  const { confidence: c, inconclusive } =
    typeof options === 'object' && options !== null ? options : {};
  const confidence =
    c === undefined && inconclusive === undefined
      ? undefined
      : resolveConfidence({
          confidence: c,
          ...(inconclusive === undefined ? {} : { inconclusive }),
        });
  if (typeof confidence === 'string') return `${MATCHER}: ${confidence}`;
  if (
    typeof minSuccessRate !== 'number' ||
    !Number.isFinite(minSuccessRate) ||
    minSuccessRate < 0 ||
    minSuccessRate > 1
  )
    return (
      `${MATCHER}: minSuccessRate must be a fraction in [0, 1] (0.8 = 80%), received ` +
      `${describeReceived(minSuccessRate)}`
    );
  return { confidence, minSuccessRate };
}

/**
 * Passes when at least `minSuccessRate` of finished requests succeeded under injected faults.
 * The message lists the failure breakdown (from `result.faults` when withFaults() added it).
 */
export function toBeResilient(
  this: MatcherState,
  received: unknown,
  options: ResilienceOptions = {},
): MatcherResult {
  const v = verdicts(this, HEAD);
  const isNot = v.isNot;
  const rate =
    typeof options === 'object' && options !== null ? (options.minSuccessRate ?? 0.8) : options;
  const threshold = typeof rate === 'number' ? rate : describeReceived(rate);
  const fail = (message: string, observed: number | null): MatcherResult =>
    v.refuse(message, { threshold, observed });

  if (!isRunSummary(received))
    return fail(
      `${MATCHER}: expected a vitest-stress run result (from load() or measure()), received ` +
        `${describeReceived(received)}`,
      null,
    );
  const checked = checkOptions(options, rate);
  if (typeof checked === 'string') return fail(checked, null);
  const { confidence, minSuccessRate } = checked;
  const finished = finishedCount(received);
  const context = `${describeRun(received, finished)}; ${describeBreakdown(received, faultsOf(received))}`;
  if (finished === 0) {
    return fail(
      'expected the run to be resilient (success rate at least ' +
        `${formatPercent(minSuccessRate)}), but no requests finished to judge ` +
        `(${received.requests.total} sent; ${context})`,
      null,
    );
  }
  const successRate = received.requests.ok / finished;
  if (confidence)
    return judgeResilienceWithConfidence(this, {
      successRate,
      finished,
      ok: received.requests.ok,
      minSuccessRate,
      context,
      ...confidence,
    });
  const pass = successRate >= minSuccessRate;
  const message =
    `expected the run ${isNot ? 'not ' : ''}to be resilient (success rate at least ` +
    `${formatPercent(minSuccessRate)}), got ${formatPercent(successRate)} (${context})`;
  return v.point(
    pass,
    message,
    { threshold: minSuccessRate, observed: successRate },
    { actual: successRate, expected: minSuccessRate },
  );
}

interface ResilienceJudgement {
  successRate: number;
  ok: number;
  finished: number;
  minSuccessRate: number;
  context: string;
  confidence: number;
  inconclusive: InconclusivePolicy;
}

/** pass when the Wilson lower bound reaches minSuccessRate, fail when the upper bound stays below it. */
function judgeResilienceWithConfidence(state: MatcherState, j: ResilienceJudgement): MatcherResult {
  const v = verdicts(state, HEAD);
  const isNot = v.isNot;
  const bounds = rateBounds(j.ok, j.finished, j.confidence);
  const positive =
    bounds.low! >= j.minSuccessRate
      ? 'pass'
      : bounds.high! < j.minSuccessRate
        ? 'fail'
        : 'inconclusive';
  const verdict = afterNot(positive, isNot);
  const percent = formatPercent(j.confidence);
  const range = `${percent} bounds [${formatPercent(bounds.low!)}, ${formatPercent(bounds.high!)}]`;
  const reason =
    verdict === 'inconclusive' ? `${range} straddle ${formatPercent(j.minSuccessRate)}` : undefined;
  const message =
    `expected the run ${isNot ? 'not ' : ''}to be resilient (success rate at least ` +
    `${formatPercent(j.minSuccessRate)}) at ${percent} confidence: ${verdict} — success rate ` +
    `${formatPercent(j.successRate)}, ${range} (wilson) (${j.context})`;
  return v.stated(
    positive,
    j.inconclusive,
    message,
    {
      threshold: j.minSuccessRate,
      observed: j.successRate,
      interval: { low: bounds.low, high: bounds.high, confidence: j.confidence, method: 'wilson' },
      ...(reason ? { reason } : {}),
    },
    { actual: j.successRate, expected: j.minSuccessRate },
  );
}
