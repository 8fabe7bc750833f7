import { eDivisive } from './e-divisive.js';
import { compareSegments, type SegmentComparison } from './segment-stats.js';
import { tTestSignificance } from './significance.js';

/** A change point with the levels either side (between its neighbouring change points). */
export interface RawChangePoint extends SegmentComparison {
  index: number;
}

/** max(|after/before − 1|, |before/after − 1|): Hunter's size of a change, symmetric in direction. */
export function changeMagnitude(cp: SegmentComparison): number {
  const forward = cp.after.mean / cp.before.mean - 1;
  const backward = cp.before.mean / cp.after.mean - 1;
  return Math.max(Math.abs(forward), Math.abs(backward));
}

function describeAll(
  values: readonly number[],
  indexes: readonly number[],
  confidence: number,
): RawChangePoint[] {
  const bounds = [0, ...indexes, values.length];
  return indexes.map((index, i) => ({
    index,
    ...compareSegments(values, bounds[i], index, bounds[i + 2], confidence),
  }));
}

/**
 * Hunter's split: E-divisive (t-test significance at `maxPValue`) over overlapping windows of
 * `windowLength` runs, each starting at the later of the last change point found and half a
 * window on. Keeps E-divisive's O(n²) per window and finds change points that a long series
 * would hide. Returns the sorted change points with their levels.
 */
export function splitSeries(
  values: readonly number[],
  windowLength: number,
  maxPValue: number,
  confidence = 0.95,
): RawChangePoint[] {
  const test = tTestSignificance(maxPValue);
  const step = Math.max(1, Math.floor(windowLength / 2));
  const indexes: number[] = [];
  for (let start = 0; start < values.length;) {
    const window = values.slice(start, Math.min(start + windowLength, values.length));
    const found = eDivisive(window, test)
      .map((c) => c.index + start)
      .sort((a, b) => a - b);
    indexes.push(...found);
    start = Math.max(found.length ? found[found.length - 1] : 0, start + step);
  }
  return describeAll(values, indexes, confidence);
}

/**
 * Hunter's merge: drop the weakest change point — the highest p-value while one is at or
 * above `maxPValue`, else the smallest magnitude while one is at or below `minMagnitude` —
 * and recompute its neighbours' levels, until every change point passes both. Unlike Hunter
 * (which recomputes the two points after the removed one) both neighbours are recomputed:
 * the one before it also lost its right-hand bound.
 */
export function mergeChangePoints(
  values: readonly number[],
  points: readonly RawChangePoint[],
  maxPValue: number,
  minMagnitude: number,
  confidence = 0.95,
): RawChangePoint[] {
  const kept = [...points];
  while (kept.length > 0) {
    let weakest = indexOfBest(kept, (c) => c.pValue);
    if (kept[weakest].pValue < maxPValue) {
      weakest = indexOfBest(kept, (c) => -changeMagnitude(c));
      if (changeMagnitude(kept[weakest]) > minMagnitude) return kept;
    }
    kept.splice(weakest, 1);
    const bounds = [0, ...kept.map((c) => c.index), values.length];
    for (const i of [weakest - 1, weakest]) {
      if (i < 0 || i >= kept.length) continue;
      kept[i] = {
        index: kept[i].index,
        ...compareSegments(values, bounds[i], kept[i].index, bounds[i + 2], confidence),
      };
    }
  }
  return kept;
}

/** Index of the first element with the highest score (Python's max keeps the first). */
function indexOfBest<T>(items: readonly T[], score: (item: T) => number): number {
  let best = 0;
  for (let i = 1; i < items.length; i++) if (score(items[i]) > score(items[best])) best = i;
  return best;
}
