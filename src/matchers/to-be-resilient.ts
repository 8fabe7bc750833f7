import type { MatcherState } from 'vitest';
import { describeBreakdown } from '../chaos/describe-breakdown.js';
import { faultsOf } from '../chaos/with-faults.js';
import { isRunSummary } from '../result/types.js';
import { describeReceived, describeRun, finishedCount, formatPercent } from './describe.js';
import { record, type MatcherResult } from './judge.js';

/** Options of toBeResilient. */
export interface ResilienceOptions {
  /** Lowest acceptable ok / finished requests, 0..1; default 0.8 (the seed's 80%). */
  minSuccessRate?: number;
}

const MATCHER = 'toBeResilient';

/**
 * Passes when at least `minSuccessRate` of finished requests succeeded under injected faults.
 * The message lists the failure breakdown (from `result.faults` when withFaults() added it).
 */
export function toBeResilient(this: MatcherState, received: unknown, options: ResilienceOptions = {}): MatcherResult {
  const isNot = this.isNot === true;
  const minSuccessRate = typeof options === 'object' && options !== null ? (options.minSuccessRate ?? 0.8) : options;
  const fail = (message: string, observed: number | null): MatcherResult => {
    record(this, { matcher: MATCHER, metric: 'success rate', unit: 'fraction', threshold: typeof minSuccessRate === 'number' ? minSuccessRate : describeReceived(minSuccessRate), observed, pass: false, negated: isNot, message });
    return { pass: isNot, message: () => message };
  };

  if (!isRunSummary(received)) return fail(`${MATCHER}: expected a vitest-stress run result (from load() or measure()), received ${describeReceived(received)}`, null);
  const unknown = typeof options === 'object' && options !== null ? Object.keys(options).filter((k) => k !== 'minSuccessRate') : [];
  if (unknown.length > 0) return fail(`${MATCHER}: unknown option "${unknown[0]}"; the only option is minSuccessRate`, null);
  if (typeof minSuccessRate !== 'number' || !Number.isFinite(minSuccessRate) || minSuccessRate < 0 || minSuccessRate > 1) {
    return fail(`${MATCHER}: minSuccessRate must be a fraction in [0, 1] (0.8 = 80%), received ${describeReceived(minSuccessRate)}`, null);
  }
  const finished = finishedCount(received);
  const context = `${describeRun(received, finished)}; ${describeBreakdown(received, faultsOf(received))}`;
  if (finished === 0) {
    return fail(`expected the run to be resilient (success rate at least ${formatPercent(minSuccessRate)}), but no requests finished to judge (${received.requests.total} sent; ${context})`, null);
  }
  const successRate = received.requests.ok / finished;
  const pass = successRate >= minSuccessRate;
  const message = `expected the run ${isNot ? 'not ' : ''}to be resilient (success rate at least ${formatPercent(minSuccessRate)}), got ${formatPercent(successRate)} (${context})`;
  record(this, { matcher: MATCHER, metric: 'success rate', unit: 'fraction', threshold: minSuccessRate, observed: successRate, pass: pass !== isNot, negated: isNot, message });
  return { pass, message: () => message, actual: successRate, expected: minSuccessRate };
}
