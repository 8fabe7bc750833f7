import { formatNumber, formatPercent } from '../format/message.js';
import type { LocatedChangePoint, SeriesVerdict } from './judge-series.js';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The medians of the runs before and after a change point, up to its neighbouring change points. */
export function shiftMedians(
  verdict: SeriesVerdict,
  change: LocatedChangePoint,
): { before: number; after: number } {
  const values = verdict.series.points.map((p) => p.value);
  const bounds = [0, ...verdict.changePoints.map((c) => c.index), values.length];
  const at = bounds.indexOf(change.index);
  return {
    before: median(values.slice(bounds[at - 1], change.index)),
    after: median(values.slice(change.index, bounds[at + 1])),
  };
}

const signed = (fraction: number) => `${fraction >= 0 ? '+' : ''}${formatPercent(fraction)}`;
const level = (l: LocatedChangePoint['before']) =>
  l.low === null || l.high === null
    ? `${formatNumber(l.mean)} (n=${l.count})`
    : `${formatNumber(l.mean)} [${formatNumber(l.low)}, ${formatNumber(l.high)}] (n=${l.count})`;

/**
 * A change point as a matcher names it: the run (1-based) and its commit, the medians and the
 * mean levels with their intervals before → after, the relative change, Hunter's magnitude and
 * the t-test p-value. E.g. `run 21 of 30 (commit 3f2a…, 2026-01-21): median 100 → 115,
 * mean 100 [99.1, 101] (n=20) → 115 [114, 116] (n=10), +15%, magnitude 0.15, p=1.2e-20`.
 */
export function describeShift(verdict: SeriesVerdict, change: LocatedChangePoint): string {
  const runs = verdict.series.points.length;
  const where = change.point.commit
    ? `commit ${change.point.commit.slice(0, 12)}`
    : `run id ${change.point.runId}`;
  const m = shiftMedians(verdict, change);
  return (
    `run ${change.index + 1} of ${runs} (${where}, ${change.point.date}): ` +
    `median ${formatNumber(m.before)} → ${formatNumber(m.after)}, ` +
    `mean ${level(change.before)} → ${level(change.after)}, ${signed(change.relativeChange)}, ` +
    `magnitude ${formatNumber(change.magnitude)}, p=${change.pValue.toExponential(2)}`
  );
}
