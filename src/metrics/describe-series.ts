import { describeReceived, formatNumber } from '../format/message.js';
import { isRunSummary } from '../contracts/run-result.js';
import { metricsOf } from './series.js';
import type { MetricsSeries } from '../contracts/metrics-series.js';

/** Bytes per MB in messages and in maxGrowthMBPerHour: SI, 10^6 (500 MiB is 524_288_000 bytes). */
export const BYTES_PER_MB = 1_000_000;

/**
 * The series a metrics matcher judges: the `metrics` section of a run result, or a series
 * from sampleMetrics(). A string says why there is none, for the failure message.
 */
export function seriesFromReceived(matcher: string, received: unknown): MetricsSeries | string {
  const series = metricsOf(received);
  if (series) return series;
  if (isRunSummary(received))
    return (
      `${matcher}: the run result has no metrics section: use loadWithMetrics(), or ` +
      'withMetrics(result, await sampler.stop())'
    );
  return (
    `${matcher}: expected a vitest-stress run result with server metrics (from ` +
    'loadWithMetrics() or withMetrics()) or a metrics series (from sampleMetrics()), received ' +
    `${describeReceived(received)}`
  );
}

/** Failed scrapes in words: '3 scrapes failed, first: HTTP 503'; '' when none failed. */
export function describeGaps(series: MetricsSeries): string {
  const failed = series.scrapes.failed;
  if (failed === 0) return '';
  const first = series.errors[0]?.error;
  return `${failed} scrape${failed === 1 ? '' : 's'} failed${first ? `, first: ${first}` : ''}`;
}

/** A value for messages; byte metrics also in MB: '612368384 (612.4 MB)'. */
export function formatMetricValue(name: string, value: number): string {
  const plain = formatNumber(value);
  return /_bytes(\{|$)/.test(name) || /^sum\(.*_bytes\)$/.test(name)
    ? `${plain} (${formatNumber(value / BYTES_PER_MB)} MB)`
    : plain;
}
