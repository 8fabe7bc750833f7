import { DASH_CYCLE, SERIES_CYCLE } from './palette.js';

/** One line of a chart. Values align with the chart's `x`; null is a gap. */
export interface ChartSeries {
  label: string;
  color: string;
  /** Canvas dash pattern in px; [] is solid. */
  dash: readonly number[];
  values: Array<number | null>;
  /** Measured points among a denser x (a capacity chart's levels): drawn as markers, joined over the gaps. */
  points?: boolean;
}

/**
 * A shaded span of the x axis: a stage, the spike, a recovery window, an outage, a capacity
 * search's knee or its USL-predicted peak.
 */
export interface ChartBand {
  fromS: number;
  toS: number;
  label: string;
  kind: 'phase' | 'spike' | 'recovery' | 'unrecovered' | 'outage' | 'knee' | 'peak';
}

/** A horizontal line at a known limit (an SLA or alert threshold), in the chart's unit. */
export interface ChartThreshold {
  value: number;
  label: string;
}

/** Everything the page's script needs to draw one chart; plain JSON. */
export interface ChartSpec {
  id: string;
  title: string;
  /** Unit of the y axis, shown on the axis and after every hover value: 'ms', 'req/s', 'MiB', '%'. */
  unit: string;
  /** Seconds since the run started: the middle of each point's bucket (or the time of a server sample). */
  x: number[];
  /** Set when x is not run time but a load level ('users', 'rps'): the x axis shows it, no local time. */
  xUnit?: string;
  /** Wall-clock start of the run, epoch ms: the page shows local time beside run seconds. */
  startMs: number;
  /** The x axis from the run's start to its end, seconds: every chart of a run lines up. */
  xRange: [number, number];
  /** Seconds each point covers (> 1 when the series was thinned). */
  bucketS: number;
  series: ChartSeries[];
  bands: ChartBand[];
  thresholds: ChartThreshold[];
  /** A line under the chart: what the figures are, thinning, thresholds off the scale. */
  note?: string;
}

/** A series coloured and dashed by its position among the chart's series. */
export function cycledSeries(
  label: string,
  index: number,
  values: Array<number | null>,
): ChartSeries {
  return {
    label,
    color: SERIES_CYCLE[index % SERIES_CYCLE.length],
    dash: DASH_CYCLE[index % DASH_CYCLE.length],
    values,
  };
}

/** True when some series has a finite value to draw. */
export function hasPoints(spec: Pick<ChartSpec, 'series'>): boolean {
  return spec.series.some((s) => s.values.some((v) => v !== null));
}

/** Round to 3 significant-ish decimals so the inlined data stays small. */
export function round3(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}
