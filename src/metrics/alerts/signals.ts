import type { RunResult, TimelineEntry } from '../../contracts/run-result.js';
import { metricsOf, pointsOf } from '../series.js';
import type { RunSignal } from './rule.js';

/**
 * The quantity at `tS` seconds since the run started (the end of timeline second tS - 1); undefined
 * = no value then.
 */
export type SignalReader = (tS: number) => number | undefined;

/** A reader, or the reason the run cannot give this signal at all ("no data"). */
export type SignalSource = { read: SignalReader } | { noData: string };

/**
 * How to read `signal` from a run: timeline signals from `run.timeline`, server signals from
 * the metrics series that loadWithMetrics() attached (`run.metrics`). A missing series or a
 * metric no sample holds is "no data".
 */
export function signalSource(run: RunResult, signal: RunSignal): SignalSource {
  if (signal.kind === 'errorRate')
    return { read: (tS) => timelineErrorRate(run.timeline, tS, signal.windowS) };
  if (signal.kind === 'p95Seconds') {
    return {
      read: (tS) => {
        const p95 = run.timeline[tS - 1]?.p95;
        return p95 === null || p95 === undefined ? undefined : p95 / 1000;
      },
    };
  }
  const series = metricsOf(run);
  if (!series)
    return {
      noData: `the run has no server metrics (use loadWithMetrics() to sample ${signal.metric})`,
    };
  const { points } = pointsOf(series, signal.metric);
  if (points.length === 0) return { noData: `no sample of ${signal.metric} in ${series.source}` };
  // Sampler time → run time: both clocks start at their own startedAt.
  const offsetMs = Date.parse(series.startedAt) - Date.parse(run.startedAt);
  const byTime = new Map<number, number>();
  for (const p of points)
    byTime.set(p.tMs + offsetMs, (byTime.get(p.tMs + offsetMs) ?? 0) + p.value);
  const samples = [...byTime].map(([tMs, value]) => ({ tMs, value })).sort((a, b) => a.tMs - b.tMs);
  if (signal.kind === 'gauge') return { read: (tS) => latestAt(samples, tS * 1000)?.value };
  const windowMs = signal.windowS * 1000;
  return {
    read: (tS) => {
      // Both ends inclusive, as Prometheus 2.x range selectors are.
      const inWindow = samples.filter((s) => s.tMs <= tS * 1000 && s.tMs >= tS * 1000 - windowMs);
      if (inWindow.length < 2) return undefined;
      const first = inWindow[0];
      const last = inWindow[inWindow.length - 1];
      return Math.max(0, last.value - first.value) / ((last.tMs - first.tMs) / 1000);
    },
  };
}

/** failed / finished over the timeline seconds in (tS - windowS, tS]; undefined when nothing finished. */
function timelineErrorRate(
  timeline: readonly TimelineEntry[],
  tS: number,
  windowS: number,
): number | undefined {
  let finished = 0;
  let failed = 0;
  for (let i = Math.max(0, tS - windowS); i < tS && i < timeline.length; i++) {
    finished += timeline[i].requests;
    failed += timeline[i].errors;
  }
  return finished === 0 ? undefined : failed / finished;
}

function latestAt<T extends { tMs: number }>(samples: readonly T[], atMs: number): T | undefined {
  let found: T | undefined;
  for (const s of samples) {
    if (s.tMs > atMs) break;
    found = s;
  }
  return found;
}
