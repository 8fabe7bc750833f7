import type { ChangePoint } from './change-points.js';
import { segmentLevel, tTestPValue, type SegmentLevel } from './segment-stats.js';

/** How creep is looked for. */
export interface CreepOptions {
  /** The newest runs looked at (default 30). */
  windowRuns?: number;
  /** Runs averaged at each end of the window (default 5). */
  edgeRuns?: number;
  /** t-test p-value the two ends must differ by (default 0.01). */
  maxPValue?: number;
}

/** A slow drift: the newest runs' level past tolerance from the level `windowRuns` ago. */
export interface Creep {
  /** First run of the window and first run of its last edge (indexes into the series). */
  fromIndex: number;
  toIndex: number;
  before: SegmentLevel;
  after: SegmentLevel;
  relativeChange: number;
  pValue: number;
}

/**
 * Creep: over the newest `windowRuns` runs, the mean of the last `edgeRuns` differs from the
 * mean of the first `edgeRuns` by more than `tolerance` in the bad direction, at p <= maxPValue,
 * while no single change point in the window is that large — several small steps (five of
 * +3%) that no per-change gate and no one change point reports. Undefined when there is none.
 */
export function detectCreep(
  values: readonly number[],
  changePoints: readonly ChangePoint[],
  tolerance: number,
  higherIsWorse: boolean,
  options: CreepOptions = {},
): Creep | undefined {
  const { windowRuns = 30, edgeRuns = 5, maxPValue = 0.01 } = options;
  const fromIndex = Math.max(0, values.length - windowRuns);
  if (values.length - fromIndex < 2 * edgeRuns) return undefined;
  const first = values.slice(fromIndex, fromIndex + edgeRuns);
  const last = values.slice(values.length - edgeRuns);
  const before = segmentLevel(first);
  const after = segmentLevel(last);
  const relativeChange = after.mean / before.mean - 1;
  const worse = higherIsWorse ? relativeChange : -relativeChange;
  if (!(worse > tolerance)) return undefined;
  const pValue = tTestPValue(first, last);
  if (pValue > maxPValue) return undefined;
  const explained = changePoints.some(
    (c) =>
      c.index > fromIndex && (higherIsWorse ? c.relativeChange : -c.relativeChange) > tolerance,
  );
  if (explained) return undefined;
  return { fromIndex, toIndex: values.length - edgeRuns, before, after, relativeChange, pValue };
}
