import type { CapacityLevel, CapacityMeta } from '../../contracts/capacity.js';
import { levelAt, p95Line } from '../../report-text/capacity-rows.js';
import { round3, type ChartBand, type ChartSpec, type ChartThreshold } from './chart-spec.js';
import { OKABE_ITO } from './palette.js';

// The charts of one capacity search, drawn by the page's script like the run charts: x is the
// load level (users or rps) instead of run time, the SLA's p95 limit is a threshold line and the
// knee a narrow band.

/** One summary per level (the last run of a level), in ascending order. */
export function distinctLevels(result: CapacityMeta): CapacityLevel[] {
  const levels = [...new Set(result.levels.map((l) => l.level))].sort((a, b) => a - b);
  return levels.map((n) => levelAt(result, n)).filter((l): l is CapacityLevel => l !== undefined);
}

/** X(N) = λN / (1 + σ(N−1) + κN(N−1)), the fitted USL at level n; null without a fit. */
export function uslAt(result: CapacityMeta, n: number): number | null {
  const u = result.usl;
  if (typeof u === 'string') return null;
  return (u.lambda * n) / (1 + u.sigma * (n - 1) + u.kappa * n * (n - 1));
}

/** The knee as a band a hundredth of the x range wide, so it shows at any zoom; none without a knee. */
function kneeBands(result: CapacityMeta, xRange: [number, number]): ChartBand[] {
  if (result.knee === null) return [];
  const halfWidth = Math.max((xRange[1] - xRange[0]) / 200, 1e-6);
  return [
    {
      fromS: result.knee - halfWidth,
      toS: result.knee + halfWidth,
      label: `knee ${result.knee} ${result.unit}`,
      kind: 'knee',
    },
  ];
}

function frame(
  result: CapacityMeta,
  levels: CapacityLevel[],
): Pick<ChartSpec, 'x' | 'xUnit' | 'startMs' | 'bucketS' | 'xRange' | 'bands'> {
  const x = levels.map((l) => l.level);
  const low = x[0] ?? 0;
  const high = x.at(-1) ?? 1;
  const pad = high > low ? (high - low) * 0.03 : 1;
  const xRange: [number, number] = [Math.max(0, low - pad), high + pad];
  return {
    x,
    xUnit: result.unit,
    startMs: 0,
    bucketS: 1,
    xRange,
    bands: kneeBands(result, xRange),
  };
}

/** Throughput per level, and the USL curve at the same levels when the fit is present. */
function throughputChart(id: string, result: CapacityMeta, levels: CapacityLevel[]): ChartSpec {
  const usl = typeof result.usl === 'string' ? null : result.usl;
  const series: ChartSpec['series'] = [
    {
      label: 'throughput',
      color: OKABE_ITO.bluishGreen,
      dash: [],
      values: levels.map((l) => round3(l.throughputRps)),
    },
  ];
  if (usl)
    series.push({
      label: `USL fit (R² ${usl.rSquared.toFixed(3)})`,
      color: OKABE_ITO.reddishPurple,
      dash: [6, 3],
      values: levels.map((l) => round3(uslAt(result, l.level))),
    });
  return {
    id: `${id}-throughput`,
    ...frame(result, levels),
    title: `Capacity: throughput per level (${result.unit})`,
    unit: 'req/s',
    series,
    thresholds: [],
    note:
      `One point per level, its last run. ` +
      (usl ? 'USL: the fitted X(N) at each level.' : `No USL curve: ${String(result.usl)}.`),
  };
}

/** p95 per level with its interval bounds, and the SLA's p95 limit as a threshold line. */
function p95Chart(id: string, result: CapacityMeta, levels: CapacityLevel[]): ChartSpec {
  const lines = levels.map(p95Line);
  const limit = lines.find((l) => l !== undefined)?.limit;
  const thresholds: ChartThreshold[] =
    typeof limit === 'number' ? [{ value: limit, label: `SLA p95 < ${limit} ms` }] : [];
  const pct = `${Math.round(result.confidence * 1000) / 10}%`;
  return {
    id: `${id}-p95`,
    ...frame(result, levels),
    title: `Capacity: p95 per level (${result.unit})`,
    unit: 'ms',
    series: [
      {
        label: 'p95',
        color: OKABE_ITO.orange,
        dash: [],
        values: levels.map((l) => round3(l.p95Ms)),
      },
      {
        label: `p95 ${pct} low`,
        color: OKABE_ITO.skyBlue,
        dash: [2, 2],
        values: lines.map((l) => round3(l?.low ?? null)),
      },
      {
        label: `p95 ${pct} high`,
        color: OKABE_ITO.vermillion,
        dash: [2, 2],
        values: lines.map((l) => round3(l?.high ?? null)),
      },
    ],
    thresholds,
    note: 'p95 of successful responses per level, with the bounds its verdict used.',
  };
}

/** The capacity charts of one search (`id` prefixes their ids); none when no level was run. */
export function capacityCharts(id: string, result: CapacityMeta): ChartSpec[] {
  const levels = distinctLevels(result);
  if (levels.length === 0) return [];
  return [throughputChart(id, result, levels), p95Chart(id, result, levels)];
}
