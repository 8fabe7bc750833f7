import type { MatcherState } from 'vitest';
import { formatPercent, describeReceived } from '../format/message.js';
import { describeShift } from '../history/describe-shift.js';
import { describeVerdict } from '../history/describe-verdict.js';
import type { HistoryRecord } from '../history/history-record.js';
import { HISTORY_METRICS, seriesOf, type HistoryMetric } from '../history/history-series.js';
import { isHistoryRecord } from '../history/history-record.js';
import { judgeSeries, type JudgeOptions, type SeriesVerdict } from '../history/judge-series.js';
import type { VerdictState } from '../contracts/meta.js';
import { inconclusivePolicy } from '../trust/inconclusive.js';
import { afterNot, verdicts, type MatcherResult } from './verdict.js';

/** Options of toHaveNoChangePoint: which series, and how they are judged (as `history check`). */
export interface NoChangePointOptions extends JudgeOptions {
  /** The metric judged (default 'p95'). */
  metric?: HistoryMetric;
  /** Only the series of this test (its full name); default every test in the history. */
  test?: string;
  /** Only the series of this load (its `name`, or 'run N'); default every load. */
  run?: string;
  /** What a too-short or not-yet-lasting history does: 'pass' (default, or STRESS_INCONCLUSIVE) or 'fail'. */
  inconclusive?: 'pass' | 'fail';
}

const MATCHER = 'toHaveNoChangePoint';

function recordsOf(received: unknown): HistoryRecord[] | undefined {
  const list = Array.isArray(received)
    ? received
    : (received as { records?: unknown } | null)?.records;
  return Array.isArray(list) && list.every(isHistoryRecord) ? list : undefined;
}

function stateOf(judged: readonly SeriesVerdict[]): { state: VerdictState; reason?: string } {
  if (judged.some((v) => v.state === 'regression')) return { state: 'fail' };
  const pending = judged.filter((v) => v.state === 'pending').length;
  if (pending)
    return { state: 'inconclusive', reason: `${pending} change point(s) not lasted yet` };
  if (judged.every((v) => v.state === 'too-short'))
    return { state: 'inconclusive', reason: 'too few runs to judge' };
  return { state: 'pass' };
}

function describeSeries(v: SeriesVerdict): string {
  const name = `"${v.series.test} / ${v.series.run}"`;
  if (v.culprit) return `  ${name} ${v.state}: change point at ${describeShift(v, v.culprit)}`;
  return describeVerdict(v)
    .replace(/^[A-Z-]+ /, `  ${v.state} `)
    .replace(/\n/g, '\n  ');
}

/**
 * Judges a history (readHistory()'s result, or its records) the way `history check` does:
 * fails when a series of `metric` has a change point (E-divisive, Hunter's t-test) among the
 * newest runs past `tolerance` in the bad direction that has lasted `quietRuns`, or creep. The
 * message names each change point: run and commit, medians and means before → after, size,
 * magnitude, p-value. Too short or not yet lasted: inconclusive (passes unless `inconclusive: 'fail'`).
 */
export function toHaveNoChangePoint(
  this: MatcherState,
  received: unknown,
  options: NoChangePointOptions = {},
): MatcherResult {
  const metric = options?.metric ?? 'p95';
  const tolerance = options?.tolerance ?? 0.1;
  const v = verdicts(this, {
    matcher: MATCHER,
    metric,
    unit: 'ratio',
    threshold: `+${formatPercent(tolerance)}`,
  });
  const records = recordsOf(received);
  if (!records)
    return v.refuse(
      `${MATCHER}: expected a history (readHistory()), received ${describeReceived(received)}`,
    );
  if (!HISTORY_METRICS.includes(metric))
    return v.refuse(
      `${MATCHER}: metric must be ${HISTORY_METRICS.join(' | ')}, received ${describeReceived(metric)}`,
    );
  const series = seriesOf(records, metric).filter(
    (s) =>
      (options.test === undefined || s.test === options.test) &&
      (options.run === undefined || s.run === options.run),
  );
  const which = [
    options.test && `test "${options.test}"`,
    options.run && `load "${options.run}"`,
  ].filter(Boolean);
  if (series.length === 0)
    return v.refuse(
      `${MATCHER}: no ${metric} series${which.length ? ` of ${which.join(', ')}` : ''} ` +
        `in a history of ${records.length} runs`,
    );
  const judged = series.map((s) => judgeSeries(s, options));
  const { state, reason } = stateOf(judged);
  const quiet = options.quietRuns ?? 2;
  const head =
    `expected ${v.isNot ? 'a' : 'no'} lasting change point in ${metric} of ${series.length} series ` +
    `(${records.length} runs; tolerance +${formatPercent(tolerance)}, lasting ${quiet} runs): ` +
    `${afterNot(state, v.isNot)}${reason ? ` (${reason})` : ''}`;
  const lines = judged.filter((j) => j.state !== 'ok' || j.changePoints.length).map(describeSeries);
  const culprit = judged.find((j) => j.state === 'regression')?.culprit;
  const policy = options.inconclusive ?? inconclusivePolicy();
  return v.stated(state, policy, [head, ...lines].join('\n'), {
    observed: culprit ? culprit.relativeChange : null,
    ...(reason ? { reason } : {}),
  });
}
