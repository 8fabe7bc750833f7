import type { SlaVerdict } from '../../contracts/meta.js';
import { baseName } from '../../metrics/series.js';
import type { MetricsSeries } from '../../contracts/metrics-series.js';
import { cycledSeries, round3, type ChartSpec, type ChartThreshold } from './chart-spec.js';
import type { RunFrame } from './load-charts.js';
import { MAX_POINTS, bucketSeconds, finite } from './thin.js';

/** How a server series is drawn: its chart, and the factor from its raw unit to the chart's. */
interface SeriesKind {
  chart: 'memory' | 'cpu' | 'lag' | 'rates' | 'gauges';
  /** Counters are drawn as a rate per second (× factor). */
  counter: boolean;
  factor: number;
}

const CHARTS = {
  memory: { title: 'Server memory', unit: 'MiB' },
  cpu: { title: 'Server CPU', unit: '% of one core' },
  lag: { title: 'Server event-loop lag', unit: 'ms' },
  rates: { title: 'Server counters', unit: 'per s' },
  gauges: { title: 'Server gauges', unit: 'count' },
} as const;

/** Which chart a metric key belongs to, from its name (Prometheus naming conventions). */
export function seriesKind(key: string): SeriesKind {
  const name = baseName(key);
  if (/cpu_seconds_total$/.test(name)) return { chart: 'cpu', counter: true, factor: 100 };
  if (/_bytes$/.test(name)) return { chart: 'memory', counter: false, factor: 1 / 1024 / 1024 };
  if (/eventloop_lag.*seconds$/.test(name)) return { chart: 'lag', counter: false, factor: 1000 };
  if (/_total\)?$/.test(name)) return { chart: 'rates', counter: true, factor: 1 };
  return { chart: 'gauges', counter: false, factor: 1 };
}

/**
 * Charts of the server series sampled during a run (result `metrics`), on the run's time axis.
 * Thinned to MAX_POINTS by grouping consecutive samples: gauges keep the group's highest value,
 * counters its last, drawn as a rate. toHaveMetricBelow verdicts become threshold lines.
 */
export function serverCharts(
  frame: RunFrame,
  metrics: MetricsSeries,
  verdicts: readonly SlaVerdict[],
): ChartSpec[] {
  const runStartMs = frame.startMs;
  const samples = Array.isArray(metrics.samples) ? metrics.samples : [];
  if (samples.length === 0) return [];
  const group = bucketSeconds(samples.length, MAX_POINTS);
  const offsetS = ((Date.parse(metrics.startedAt) || runStartMs) - runStartMs) / 1000;
  const groups: (typeof samples)[] = [];
  for (let i = 0; i < samples.length; i += group) groups.push(samples.slice(i, i + group));
  const x = groups.map((g) => (finite(g[g.length - 1].tMs) ?? 0) / 1000 + offsetS);
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s.metrics ?? {})))].sort();
  const specs = new Map<SeriesKind['chart'], ChartSpec>();
  for (const key of keys) {
    const kind = seriesKind(key);
    let spec = specs.get(kind.chart);
    if (!spec) {
      spec = {
        id: `${frame.id}-server-${kind.chart}`,
        ...CHARTS[kind.chart],
        x: x.map((v) => round3(v)!),
        startMs: runStartMs,
        xRange: frame.xRange,
        bucketS: (group * (metrics.intervalMs || 1000)) / 1000,
        series: [],
        bands: frame.bands,
        thresholds: [],
      };
      specs.set(kind.chart, spec);
    }
    spec.series.push(
      cycledSeries(
        kind.counter ? `${key} rate` : key,
        spec.series.length,
        valuesOf(key, kind, groups, x),
      ),
    );
    spec.thresholds.push(...thresholdsFor(key, kind, verdicts));
  }
  for (const spec of specs.values())
    spec.note =
      `Scraped from ${metrics.source} every ${metrics.intervalMs} ` +
      `ms${group > 1 ? `, ${group} scrapes per point` : ''}; ${metrics.scrapes?.failed ?? 0} ` +
      'failed scrapes.';
  return [...specs.values()];
}

function valuesOf(
  key: string,
  kind: SeriesKind,
  groups: ReadonlyArray<MetricsSeries['samples']>,
  x: number[],
): Array<number | null> {
  const raw = groups.map((g) => {
    const values = g.map((s) => finite(s.metrics?.[key])).filter((v): v is number => v !== null);
    if (values.length === 0) return null;
    return kind.counter ? values[values.length - 1] : Math.max(...values);
  });
  if (!kind.counter) return raw.map((v) => round3(v === null ? null : v * kind.factor));
  return raw.map((v, i) => {
    const before = raw[i - 1];
    const dtS = x[i] - x[i - 1];
    if (v === null || before === null || before === undefined || !(dtS > 0) || v < before)
      return null;
    return round3(((v - before) / dtS) * kind.factor);
  });
}

function thresholdsFor(
  key: string,
  kind: SeriesKind,
  verdicts: readonly SlaVerdict[],
): ChartThreshold[] {
  return verdicts.flatMap((v) => {
    const limit = finite(v.threshold);
    if (
      v.matcher !== 'toHaveMetricBelow' ||
      limit === null ||
      (v.metric !== key && v.metric !== baseName(key))
    )
      return [];
    const value = round3(limit * (kind.counter ? 1 : kind.factor))!;
    return [{ value, label: `limit ${v.metric} < ${limit}${v.unit ? ` ${v.unit}` : ''}` }];
  });
}
