import type { TimelineEntry } from '../contracts/run-result.js';
import type { FaultLogEntry, OutageWindow } from './fault-log.js';
import type { FaultTimelineEntry, OutageSpan } from '../contracts/fault-breakdown.js';

/** Map down() .. up() windows (epoch ms) onto run seconds, given the run's start (epoch ms). */
export function outageSpans(
  windows: readonly OutageWindow[],
  runStartMs: number,
  timeline: readonly TimelineEntry[],
): OutageSpan[] {
  const lastSecond = timeline.length > 0 ? timeline[timeline.length - 1].t : 0;
  return windows.map((w) => {
    const fromS = (w.downAtMs - runStartMs) / 1000;
    const toS = w.upAtMs === undefined ? null : (w.upAtMs - runStartMs) / 1000;
    const endS = toS ?? lastSecond + 1;
    const seconds = timeline.filter((e) => e.t < endS && e.t + 1 > fromS).map((e) => e.t);
    return {
      downAt: new Date(w.downAtMs).toISOString(),
      upAt: w.upAtMs === undefined ? null : new Date(w.upAtMs).toISOString(),
      fromS: round3(fromS),
      toS: toS === null ? null : round3(toS),
      seconds,
      requests: w.requests,
    };
  });
}

/** Per timeline second: whether the proxy was down, and which faults it applied to this run's requests. */
export function faultTimeline(
  entries: readonly FaultLogEntry[],
  spans: readonly OutageSpan[],
  runStartMs: number,
  timeline: readonly TimelineEntry[],
): FaultTimelineEntry[] {
  const down = new Set(spans.flatMap((s) => s.seconds));
  const rows = timeline.map((e): FaultTimelineEntry => ({
    t: e.t,
    down: down.has(e.t),
    injected: {},
  }));
  if (rows.length === 0) return rows;
  const first = rows[0].t;
  for (const entry of entries) {
    if (entry.fault === 'none') continue;
    const second = Math.floor((entry.receivedAtMs - runStartMs) / 1000);
    const row = rows[Math.min(rows.length - 1, Math.max(0, second - first))];
    row.injected[entry.fault] = (row.injected[entry.fault] ?? 0) + 1;
  }
  return rows;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
