import { detectChangePoints, type ChangePoint, type ChangePointOptions } from './change-points.js';
import { detectCreep, type Creep, type CreepOptions } from './creep.js';
import { higherIsWorse, type HistorySeries, type SeriesPoint } from './history-series.js';

/** How `history check` and toHaveNoChangePoint judge a series. */
export interface JudgeOptions extends ChangePointOptions {
  /** Relative change that counts as a regression, 0.1 = 10% (default 0.1). */
  tolerance?: number;
  /** Runs a regression must have lasted, counting the first slow one (default 2). */
  quietRuns?: number;
  /** Only change points among the newest this many runs can fail (default 20). */
  recentRuns?: number;
  /** Fewer runs than this: too short to judge (default 6). */
  minRuns?: number;
  creep?: CreepOptions;
}

/** A change point with the run it happened at. */
export interface LocatedChangePoint extends ChangePoint {
  point: SeriesPoint;
  /** Past tolerance in the bad direction. */
  regression: boolean;
}

/**
 * 'regression': a recent change point (or creep) past tolerance that has lasted `quietRuns`;
 * 'pending': one that has not lasted yet (one noisy run pages nobody); 'too-short': fewer
 * than `minRuns` runs; 'ok' otherwise.
 */
export type SeriesState = 'regression' | 'pending' | 'too-short' | 'ok';

export interface SeriesVerdict {
  series: HistorySeries;
  state: SeriesState;
  changePoints: LocatedChangePoint[];
  /** The change point that makes the state regression/pending, when one does. */
  culprit?: LocatedChangePoint;
  creep?: Creep;
}

/** Judge the newest runs of a series: change points (Hunter), then creep, against the tolerance. */
export function judgeSeries(series: HistorySeries, options: JudgeOptions = {}): SeriesVerdict {
  const { tolerance = 0.1, quietRuns = 2, recentRuns = 20, minRuns = 6 } = options;
  const values = series.points.map((p) => p.value);
  if (values.length < minRuns) return { series, state: 'too-short', changePoints: [] };
  const worseUp = higherIsWorse(series.metric);
  const found = detectChangePoints(values, options);
  const changePoints = found.map((c): LocatedChangePoint => ({
    ...c,
    point: series.points[c.index],
    regression: (worseUp ? c.relativeChange : -c.relativeChange) > tolerance,
  }));
  const last = changePoints[changePoints.length - 1];
  if (last?.regression && last.index >= values.length - recentRuns) {
    const lasted = values.length - last.index;
    return {
      series,
      state: lasted >= quietRuns ? 'regression' : 'pending',
      changePoints,
      culprit: last,
    };
  }
  const creep = detectCreep(values, found, tolerance, worseUp, options.creep);
  if (creep) return { series, state: 'regression', changePoints, creep };
  return { series, state: 'ok', changePoints };
}
