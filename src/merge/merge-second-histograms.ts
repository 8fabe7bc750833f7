import type { TimelineEntry } from '../contracts/run-result.js';
import {
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  percentileMs,
} from '../histogram/latency-histogram.js';
import { secondOffset, type PlacedTimeline } from './merge-timeline.js';

/** One split's timeline with its per-second histograms (one per timeline entry, '' without successes). */
export interface PlacedSeconds extends PlacedTimeline {
  secondHistograms?: readonly string[];
}

/**
 * The merged run's per-second histograms, one per entry of `merged` (the output of
 * mergeTimelines over the same parts): second t is the sum of every split's histogram of its
 * second t − offset, shifted as mergeTimelines shifts it; '' where no split had a success (a split
 * whose timeline is shorter adds nothing there). Undefined when a split carries none or not one
 * per timeline second (results written before split runs kept them): no exact sum exists then.
 */
export function mergeSecondHistograms(
  parts: ReadonlyArray<PlacedSeconds>,
  merged: readonly TimelineEntry[],
): string[] | undefined {
  if (parts.length === 0) return [];
  const complete = parts.every(
    (p) => p.secondHistograms !== undefined && p.secondHistograms.length === p.timeline.length,
  );
  if (!complete) return undefined;
  const originMs = Math.min(...parts.map((p) => p.startedAtMs));
  const bySecond = new Map<number, string[]>();
  for (const part of parts) {
    const offset = secondOffset(part.startedAtMs, originMs);
    part.timeline.forEach((entry, i) => {
      const encoded = part.secondHistograms![i];
      if (encoded === '') return;
      const t = entry.t + offset;
      bySecond.set(t, [...(bySecond.get(t) ?? []), encoded]);
    });
  }
  return merged.map((entry) => addEncoded(bySecond.get(entry.t) ?? []));
}

/** One encoded histogram as the sum of several ('' for none; one is passed through as it is). */
function addEncoded(encoded: readonly string[]): string {
  if (encoded.length <= 1) return encoded[0] ?? '';
  const sum = createLatencyHistogram();
  for (const h of encoded) sum.add(decodeHistogram(h));
  return encodeHistogram(sum);
}

/**
 * The timeline with each second's p50/p95/p99 read from its merged histogram (exact within the
 * histogram's precision, as one process would report it) instead of the splits' highest.
 */
export function exactSecondPercentiles(
  timeline: readonly TimelineEntry[],
  secondHistograms: readonly string[],
): TimelineEntry[] {
  return timeline.map((entry, i) => {
    const encoded = secondHistograms[i] ?? '';
    if (encoded === '') return { ...entry, p50: null, p95: null, p99: null };
    const h = decodeHistogram(encoded);
    return {
      ...entry,
      p50: percentileMs(h, 50),
      p95: percentileMs(h, 95),
      p99: percentileMs(h, 99),
    };
  });
}
