import type { MatcherState } from 'vitest';
import { StressError } from '../errors.js';
import { measureRecovery, type RecoveryOptions } from '../result/recovery.js';
import { isRunSummary, type RunResult } from '../contracts/run-result.js';
import { describeReceived, formatNumber, formatPercent } from '../format/message.js';
import { verdicts, type MatcherResult } from './verdict.js';

/**
 * Passes when, after the phase `options.after` ends, the rolling p95 and error rate are back
 * within `options.tolerance` of the phase before it in less than `ms` (see measureRecovery).
 */
export function toRecoverWithin(
  this: MatcherState,
  received: unknown,
  ms: number,
  options: RecoveryOptions,
): MatcherResult {
  const isNot = this.isNot === true;
  const verb = isNot ? 'not within' : 'within';
  const after = typeof options === 'object' && options !== null ? options.after : undefined;
  const v = verdicts(this, {
    matcher: 'toRecoverWithin',
    metric: 'recovery',
    unit: 'ms',
    subject: after,
  });
  const fail = (message: string, observed: number | null = null): MatcherResult =>
    v.refuse(message, { threshold: typeof ms === 'number' ? ms : describeReceived(ms), observed });

  if (!isRunSummary(received) || !Array.isArray((received as RunResult).timeline)) {
    return fail(
      'toRecoverWithin: expected a vitest-stress run result with stages (from load()), ' +
        `received ${describeReceived(received)}`,
    );
  }
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    return fail(
      `toRecoverWithin: time must be a number of ms >= 0, received ${describeReceived(ms)}`,
    );
  if (typeof after !== 'string')
    return fail(
      `toRecoverWithin: options must name the phase, e.g. { after: 'spike' }, received ${describeReceived(options)}`,
    );

  let recovery;
  try {
    recovery = measureRecovery(received as RunResult, options);
  } catch (error) {
    if (error instanceof StressError) return fail(`toRecoverWithin: ${error.message}`);
    throw error;
  }
  const limits =
    `p95 <= ${formatNumber(recovery.p95LimitMs)} ms and error rate <= ${formatPercent(recovery.errorRateLimit)} ` +
    `for ${recovery.windowS} s, from "${recovery.baselinePhase}" p95 ${formatNumber(recovery.baselineP95Ms)} ms`;
  const head = `expected recovery after "${after}" ${verb} ${formatNumber(ms)} ms`;
  if (recovery.recoveredAfterMs === null) {
    const message =
      `${head}, but it did not recover before the run ended ` +
      `(${formatNumber(recovery.observedAfterMs / 1000)} s watched; ${limits})`;
    return v.point(false, message, { threshold: ms, observed: null }, { expected: ms });
  }
  const observed = recovery.recoveredAfterMs;
  const pass = observed <= ms;
  const message = `${head}, recovered after ${formatNumber(observed)} ms (${limits})`;
  return v.point(pass, message, { threshold: ms, observed }, { actual: observed, expected: ms });
}
