import type { FaultBreakdown } from '../../contracts/fault-breakdown.js';
import { cycledSeries, round3, type ChartSpec } from './chart-spec.js';
import { frameOf, type RunFrame } from './load-charts.js';
import { finite } from './thin.js';

/** Requests the chaos proxy faulted per second, one series per fault, bucketed like the run's other charts. */
export function faultChart(frame: RunFrame, faults: FaultBreakdown): ChartSpec | undefined {
  const rows = Array.isArray(faults.timeline) ? faults.timeline : [];
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.injected ?? {})))].sort();
  const firstT = frame.rows[0]?.t ?? 0;
  const sums = new Map(names.map((n) => [n, frame.x.map(() => 0)]));
  for (const row of rows) {
    const t = finite(row.t);
    if (t === null) continue;
    const index = Math.min(
      frame.x.length - 1,
      Math.max(0, Math.floor((t - firstT) / frame.bucketS)),
    );
    for (const [name, count] of Object.entries(row.injected ?? {})) {
      const bucket = sums.get(name);
      if (bucket && index >= 0) bucket[index] += finite(count) ?? 0;
    }
  }
  if (names.length === 0 && (faults.outages ?? []).length === 0) return undefined;
  const series = names.map((name, i) =>
    cycledSeries(
      faultLabel(name, faults.types?.[name]),
      i,
      sums.get(name)!.map((c, j) => round3(c / (frame.rows[j]?.widthS ?? 1))),
    ),
  );
  if (series.length === 0)
    series.push(
      cycledSeries(
        'faulted',
        0,
        frame.x.map(() => 0),
      ),
    );
  return {
    ...frameOf(frame, 'faults'),
    title: 'Chaos faults injected',
    unit: 'req/s',
    series,
    thresholds: [],
    note:
      'Requests of this run the proxy faulted, by fault; outage windows shaded. Injected in ' +
      `all: ${describeInjected(faults.injected)}.`,
  };
}

function describeInjected(injected: Record<string, number> | undefined): string {
  const parts = Object.entries(injected ?? {}).map(([name, count]) => `${name} ${count}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function faultLabel(name: string, type: string | undefined): string {
  return type === undefined || type === name ? name : `${name} (${type})`;
}
