import { InvalidOptionError } from '../../errors.js';
import type { TimelineEntry } from '../../contracts/run-result.js';

/** Most points a chart gets per series: a 30 min run (1800 s) is drawn in 3 s buckets. */
export const MAX_POINTS = 600;

/** One bucket of `widthS` seconds of the timeline; counts are per second, latencies the bucket's worst second. */
export interface ThinRow {
  /** Start of the bucket, seconds since the run started. */
  t: number;
  widthS: number;
  sentPerS: number;
  requestsPerS: number;
  errorsPerS: number;
  timeoutsPerS: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Highest value in the bucket. */
  users: number;
  inFlight: number;
  /** Phase at the end of the bucket. */
  phase?: string;
}

/** Throws ERR_STRESS_INVALID_OPTION unless `maxPoints` is an integer >= 1. */
export function checkMaxPoints(maxPoints: unknown): asserts maxPoints is number {
  if (typeof maxPoints !== 'number' || !Number.isInteger(maxPoints) || maxPoints < 1)
    throw new InvalidOptionError('maxPoints', maxPoints, 'an integer >= 1');
}

/**
 * Seconds per bucket so that `count` one-second entries fit in `maxPoints` points;
 * ERR_STRESS_INVALID_OPTION for a bad maxPoints.
 */
export function bucketSeconds(count: number, maxPoints = MAX_POINTS): number {
  checkMaxPoints(maxPoints);
  return Math.max(1, Math.ceil(count / maxPoints));
}

/**
 * Thin a per-second timeline to at most `maxPoints` rows: `bucketS` consecutive seconds become
 * one row whose counts are per-second averages and whose p50/p95/p99 are the highest of its
 * seconds (a spike is never averaged away). Short runs come back one row per second.
 */
export function thinTimeline(
  timeline: readonly TimelineEntry[],
  maxPoints = MAX_POINTS,
): { bucketS: number; rows: ThinRow[] } {
  const bucketS = bucketSeconds(timeline.length, maxPoints);
  const rows: ThinRow[] = [];
  for (let i = 0; i < timeline.length; i += bucketS)
    rows.push(mergeSeconds(timeline.slice(i, i + bucketS)));
  return { bucketS, rows };
}

function mergeSeconds(seconds: readonly TimelineEntry[]): ThinRow {
  const widthS = seconds.length;
  const sum = (pick: (e: TimelineEntry) => number) =>
    seconds.reduce((acc, e) => acc + (finite(pick(e)) ?? 0), 0) / widthS;
  const last = seconds[widthS - 1];
  return {
    t: seconds[0].t,
    widthS,
    sentPerS: sum((e) => e.sent),
    requestsPerS: sum((e) => e.requests),
    errorsPerS: sum((e) => e.errors),
    timeoutsPerS: sum((e) => e.timeouts),
    p50Ms: highest(seconds.map((e) => e.p50)),
    p95Ms: highest(seconds.map((e) => e.p95)),
    p99Ms: highest(seconds.map((e) => e.p99)),
    users: highest(seconds.map((e) => e.users)) ?? 0,
    inFlight: highest(seconds.map((e) => e.inFlight)) ?? 0,
    ...(typeof last.phase === 'string' ? { phase: last.phase } : {}),
  };
}

/** The highest finite value, or null when there is none. */
export function highest(values: ReadonlyArray<number | null | undefined>): number | null {
  let max: number | null = null;
  for (const v of values) {
    const n = finite(v);
    if (n !== null && (max === null || n > max)) max = n;
  }
  return max;
}

/** `value` when it is a finite number, else null (JSON from elsewhere may hold anything). */
export function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
