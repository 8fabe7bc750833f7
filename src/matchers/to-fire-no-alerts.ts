import type { MatcherState } from 'vitest';
import { evaluateAlerts, type EvaluateOptions } from '../metrics/alerts/evaluate.js';
import { describeVerdict } from '../metrics/alerts/describe-verdict.js';
import type { AlertRule } from '../metrics/alerts/rule.js';
import { seedAlertRules } from '../metrics/alerts/seed-rules.js';
import { isRunResult } from '../contracts/run-result.js';
import { describeReceived } from '../format/message.js';
import { verdicts as verdictsOf, type MatcherResult } from './verdict.js';

const MATCHER = 'toFireNoAlerts';

/**
 * Passes when no alert rule fires over the run (Prometheus' `for` semantics, `for` windows
 * scaled with the profile) and every rule had data: a rule whose series is absent is "no data",
 * which fails too. Default rules: seedAlertRules(). The message lists each rule that fired (when,
 * for how long, peak) or had no data. With `.not`: passes when some rule fired.
 */
export function toFireNoAlerts(
  this: MatcherState,
  received: unknown,
  rules: readonly AlertRule[] = seedAlertRules(),
  options: EvaluateOptions = {},
): MatcherResult {
  const v = verdictsOf(this, { matcher: MATCHER, metric: 'alerts', unit: 'rules', threshold: 0 });
  const isNot = v.isNot;
  const fail = (message: string): MatcherResult => v.refuse(message);
  if (!isRunResult(received))
    return fail(
      `${MATCHER}: expected a vitest-stress run result (from load() or loadWithMetrics()), ` +
        `received ${describeReceived(received)}`,
    );
  if (!Array.isArray(rules) || rules.length === 0)
    return fail(
      `${MATCHER}: rules must be a non-empty array of alert rules (e.g. seedAlertRules()), ` +
        `received ${describeReceived(rules)}`,
    );
  if (received.timeline.length === 0)
    return fail(`${MATCHER}: the run has an empty timeline: nothing to evaluate`);
  const verdicts = evaluateAlerts(received, rules, options);
  const fired = verdicts.filter((v) => v.status === 'fired');
  const noData = verdicts.filter((v) => v.status === 'no-data');
  const lines = verdicts.map((v) => `  ${describeVerdict(v)}`).join('\n');
  const summary =
    `${fired.length} fired, ${noData.length} without data, ` +
    `${verdicts.length - fired.length - noData.length} ok over ${received.timeline.length} s`;
  const expectation = `expected ${isNot ? 'some alert rule to fire' : 'no alert rule to fire'}`;
  if (noData.length > 0 && fired.length === 0)
    return fail(
      `${expectation}, but ${noData.length} rule(s) had no data (not ok): ${summary}\n${lines}`,
    );
  const pass = fired.length === 0 && noData.length === 0;
  const message = `${expectation}: ${summary}\n${lines}`;
  return v.point(pass, message, { observed: fired.length });
}
