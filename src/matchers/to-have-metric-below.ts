import type { MatcherState } from 'vitest';
import { describeGaps, formatMetricValue, seriesFromReceived } from '../metrics/describe-series.js';
import { pointsOf, seenKeys } from '../metrics/series.js';
import { formatDurationMs } from '../options/duration.js';
import { describeReceived } from '../format/message.js';
import { verdicts, type MatcherResult } from './verdict.js';

const MATCHER = 'toHaveMetricBelow';

/**
 * Passes when the highest sampled value of server metric `name` over the run is below `value`
 * (the maximum, not the last value: an alert threshold such as 500 MB resident memory is
 * breached by any sample above it). `name` is a key of the series (`process_resident_memory_bytes`,
 * `sum(http_requests_total)`, `x{route="/a"}`) or a bare name, which covers all its labelled series.
 */
export function toHaveMetricBelow(
  this: MatcherState,
  received: unknown,
  name: string,
  value: number,
): MatcherResult {
  const metric = typeof name === 'string' ? name : 'metric';
  const v = verdicts(this, {
    matcher: MATCHER,
    metric,
    unit: typeof name === 'string' && /_bytes\b/.test(name) ? 'bytes' : '',
  });
  const isNot = v.isNot;
  const fail = (message: string): MatcherResult =>
    v.refuse(message, { threshold: typeof value === 'number' ? value : describeReceived(value) });

  const series = seriesFromReceived(MATCHER, received);
  if (typeof series === 'string') return fail(series);
  if (typeof name !== 'string' || name === '')
    return fail(
      `${MATCHER}: name must be a metric name such as 'process_resident_memory_bytes', ` +
        `received ${describeReceived(name)}`,
    );
  if (typeof value !== 'number' || !Number.isFinite(value))
    return fail(
      `${MATCHER}: threshold must be a finite number, received ${describeReceived(value)}`,
    );

  const head = `expected max ${name} ${isNot ? 'not ' : ''}below ${formatMetricValue(name, value)}`;
  const gaps = describeGaps(series);
  if (series.samples.length === 0)
    return fail(
      `${head}, but the metrics series from ${series.source} has no samples${gaps ? ` (${gaps})` : ''}`,
    );
  const { keys, points } = pointsOf(series, name);
  if (points.length === 0)
    return fail(
      `${head}, but no sample has ${name}; seen: ${seenKeys(series).join(', ') || 'nothing'}`,
    );

  const peak = points.reduce((top, p) => (p.value > top.value ? p : top));
  // With several labelled series, say which one peaked.
  const which = keys.length > 1 ? ` in ${peak.key}` : '';
  const pass = peak.value < value;
  const samples = new Set(points.map((p) => p.tMs)).size;
  const message =
    `${head}, got ${formatMetricValue(name, peak.value)}${which} at ` +
    `${formatDurationMs(peak.tMs)} (n=${samples} samples${gaps ? `; ${gaps}` : ''})`;
  return v.point(
    pass,
    message,
    { threshold: value, observed: peak.value },
    { actual: peak.value, expected: value },
  );
}
