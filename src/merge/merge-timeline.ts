import type { TimelineEntry } from '../contracts/run-result.js';

/** One split's timeline and when (epoch ms) its second 0 began. */
export interface PlacedTimeline {
  startedAtMs: number;
  timeline: TimelineEntry[];
}

/** Whole seconds from the earliest start (epoch ms) to a split's start: how far its seconds shift. */
export function secondOffset(startedAtMs: number, originMs: number): number {
  return Math.round((startedAtMs - originMs) / 1000);
}

/**
 * Align the splits' per-second timelines on wall time and add them up. Each split's seconds are
 * shifted by its start's offset from the earliest start, rounded to whole seconds. Counts, users
 * and in-flight requests are summed; a second's p50/p95/p99 is the highest of the splits' (an upper
 * bound of the pooled percentile; mergeRun replaces it with the exact figure when every split kept
 * its per-second histograms).
 */
export function mergeTimelines(parts: ReadonlyArray<PlacedTimeline>): TimelineEntry[] {
  if (parts.length === 0) return [];
  const originMs = Math.min(...parts.map((p) => p.startedAtMs));
  const seconds = new Map<number, TimelineEntry>();
  for (const part of parts) {
    const offset = secondOffset(part.startedAtMs, originMs);
    for (const entry of part.timeline) addEntry(seconds, entry, entry.t + offset);
  }
  return [...seconds.values()].sort((a, b) => a.t - b.t);
}

function addEntry(seconds: Map<number, TimelineEntry>, entry: TimelineEntry, t: number): void {
  const sum = seconds.get(t);
  if (!sum) {
    seconds.set(t, { ...entry, t });
    return;
  }
  sum.sent += entry.sent;
  sum.requests += entry.requests;
  sum.errors += entry.errors;
  sum.timeouts += entry.timeouts;
  sum.users += entry.users;
  sum.inFlight += entry.inFlight;
  sum.p50 = highest(sum.p50, entry.p50);
  sum.p95 = highest(sum.p95, entry.p95);
  sum.p99 = highest(sum.p99, entry.p99);
  if (sum.phase === undefined && entry.phase !== undefined) sum.phase = entry.phase;
}

function highest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
