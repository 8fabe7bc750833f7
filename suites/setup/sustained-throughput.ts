import type { TimelineEntry } from '../../src/index.js';

/**
 * The highest rate of successful responses held over `windowS` consecutive whole seconds
 * of the timeline (the last, partial second is left out), in responses per second.
 */
export function highestSustainedThroughput(
  timeline: readonly TimelineEntry[],
  windowS = 5,
): number {
  const whole = timeline.slice(0, -1).length >= 1 ? timeline.slice(0, -1) : timeline;
  const ok = whole.map((t) => t.requests - t.errors);
  const w = Math.max(1, Math.min(windowS, ok.length));
  let best = 0;
  for (let i = 0; i + w <= ok.length; i++) {
    const sum = ok.slice(i, i + w).reduce((a, b) => a + b, 0);
    best = Math.max(best, sum / w);
  }
  return Math.round(best * 10) / 10;
}
