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

/** Points of the USL curve across the measured range (besides the levels and the peak). */
export const USL_CURVE_POINTS = 120;

/**
 * The x of the throughput chart: every level, `USL_CURVE_POINTS` evenly spaced points from the
 * lowest to the highest level, and the predicted peak when it lies inside (the curve is drawn
 * only where it was measured: no extrapolation).
 */
export function uslCurveX(levels: readonly number[], peakUsers: number | null): number[] {
  if (levels.length === 0) return [];
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  const xs = new Set(levels);
  for (let i = 0; i <= USL_CURVE_POINTS && high > low; i++)
    xs.add(Math.round((low + ((high - low) * i) / USL_CURVE_POINTS) * 1000) / 1000);
  if (peakUsers !== null && peakUsers > low && peakUsers < high) xs.add(round3(peakUsers)!);
  return [...xs].sort((a, b) => a - b);
}

/** The USL-predicted peak as a narrow band, when it lies inside the measured levels. */
function peakBand(
  result: CapacityMeta,
  x: readonly number[],
  xRange: [number, number],
): ChartBand[] {
  const usl = typeof result.usl === 'string' ? null : result.usl;
  const peak = usl?.peakUsers ?? null;
  if (peak === null || x.length === 0 || peak <= x[0] || peak >= x[x.length - 1]) return [];
  const halfWidth = Math.max((xRange[1] - xRange[0]) / 200, 1e-6);
  const rps =
    usl?.peakRps === null || usl?.peakRps === undefined ? '' : `, ${Math.round(usl.peakRps)} req/s`;
  return [
    {
      fromS: peak - halfWidth,
      toS: peak + halfWidth,
      label: `USL peak ${Math.round(peak * 10) / 10} ${result.unit}${rps}`,
      kind: 'peak',
    },
  ];
}

/** What the throughput chart's USL curve is, or why there is none. */
function uslNote(result: CapacityMeta, peakShown: boolean): string {
  const usl = result.usl;
  if (typeof usl === 'string') return `No USL curve: ${usl}.`;
  const fit =
    `USL: the fitted X(N) = λN / (1 + σ(N−1) + κN(N−1)) across the levels' range (σ ` +
    `${usl.sigma.toPrecision(3)}, κ ${usl.kappa.toPrecision(3)}, λ ${usl.lambda.toPrecision(3)} req/s)`;
  if (usl.peakUsers === null) return `${fit}; no peak (κ ≈ 0: a plateau).`;
  return peakShown
    ? `${fit}; its predicted peak marked.`
    : `${fit}; its predicted peak (${Math.round(usl.peakUsers)} ${result.unit}) lies outside the range.`;
}

/**
 * Throughput per level (markers joined over the curve's points), and the fitted USL as a smooth
 * curve from σ, κ, λ across the levels' range, its predicted peak marked when inside.
 */
function throughputChart(id: string, result: CapacityMeta, levels: CapacityLevel[]): ChartSpec {
  const usl = typeof result.usl === 'string' ? null : result.usl;
  const base = frame(result, levels);
  const x = usl ? uslCurveX(base.x, usl.peakUsers) : base.x;
  const byLevel = new Map(levels.map((l) => [l.level, l.throughputRps]));
  const series: ChartSpec['series'] = [
    {
      label: 'throughput',
      color: OKABE_ITO.bluishGreen,
      dash: [],
      values: x.map((n) => round3(byLevel.get(n) ?? null)),
      ...(usl ? { points: true } : {}),
    },
  ];
  if (usl)
    series.push({
      label: `USL fit (R² ${usl.rSquared.toFixed(3)})`,
      color: OKABE_ITO.reddishPurple,
      dash: [6, 3],
      values: x.map((n) => round3(uslAt(result, n))),
    });
  const peak = usl ? peakBand(result, base.x, base.xRange) : [];
  return {
    id: `${id}-throughput`,
    ...base,
    x,
    bands: [...base.bands, ...peak],
    title: `Capacity: throughput per level (${result.unit})`,
    unit: 'req/s',
    series,
    thresholds: [],
    note: `One point per level, its last run. ${uslNote(result, peak.length > 0)}`,
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
