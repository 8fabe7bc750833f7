import { changeMagnitude, mergeChangePoints, splitSeries } from './hunter-split.js';
import type { SegmentLevel } from './segment-stats.js';

/** How change points are found (Hunter's defaults). */
export interface ChangePointOptions {
  /** Runs per E-divisive window (default 50). */
  windowLength?: number;
  /** A change point's t-test p-value must be below this (default 0.001; the split uses 10×). */
  maxPValue?: number;
  /** Smallest relative size kept, 0.05 = 5% (default 0). */
  minMagnitude?: number;
  /** Confidence of the before/after intervals (default 0.95). */
  confidence?: number;
}

/** A change in level at `index`: the run at `index` is the first of the new level. */
export interface ChangePoint {
  index: number;
  /** Level of the runs since the previous change point, up to this one. */
  before: SegmentLevel;
  /** Level of the runs from this one to the next change point. */
  after: SegmentLevel;
  /** after.mean / before.mean − 1: +0.15 is 15% higher. */
  relativeChange: number;
  /** Hunter's symmetric size: max(|after/before − 1|, |before/after − 1|). */
  magnitude: number;
  /** Two-sided t-test p-value of the two levels. */
  pValue: number;
}

/**
 * Change points of a series (oldest first) by Hunter's method: E-divisive means over
 * overlapping windows with a Student t-test, then the weak ones merged away.
 */
export function detectChangePoints(
  values: readonly number[],
  options: ChangePointOptions = {},
): ChangePoint[] {
  const { windowLength = 50, maxPValue = 0.001, minMagnitude = 0, confidence = 0.95 } = options;
  const raw = splitSeries(values, windowLength, maxPValue * 10, confidence);
  return mergeChangePoints(values, raw, maxPValue, minMagnitude, confidence).map((c) => ({
    index: c.index,
    before: c.before,
    after: c.after,
    pValue: c.pValue,
    relativeChange: c.after.mean / c.before.mean - 1,
    magnitude: changeMagnitude(c),
  }));
}
