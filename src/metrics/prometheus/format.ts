import type { CollectedMetrics } from './collect.js';

/** Prometheus' own spelling of a value: 'NaN', '+Inf', '-Inf', or the number. */
export function promValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** A label set as PromQL writes it: `{job="a",status="503"}` (sorted), `{}` when empty. */
export function seriesLabel(labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return `{${pairs.join(',')}}`;
}

/** JSON text of collected metrics; non-finite values are written as Prometheus writes them ('NaN', '+Inf'). */
export function metricsToJson(metrics: CollectedMetrics): string {
  const promNumbers = (_key: string, value: unknown): unknown =>
    typeof value === 'number' && !Number.isFinite(value) ? promValue(value) : value;
  return `${JSON.stringify(metrics, promNumbers, 2)}\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV of collected metrics: one row per query, series and timestamp (`query,series,unix_time,time,value`). */
export function metricsToCsv(metrics: CollectedMetrics): string {
  const rows = ['query,series,unix_time,time,value'];
  for (const query of metrics.queries) {
    for (const series of query.series) {
      const label = seriesLabel(series.labels);
      for (const p of series.points) {
        rows.push(
          [query.name, label, String(p.tS), new Date(p.tS * 1000).toISOString(), promValue(p.value)]
            .map(csvField)
            .join(','),
        );
      }
    }
  }
  return `${rows.join('\n')}\n`;
}
