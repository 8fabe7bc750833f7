import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;
/** Above this p99 lag, sub-`p99` latencies are noise from our own event loop, not the server. */
export const LAG_P99_WARN_MS = 50;
/** A single stall this long delays every send and response in it. */
export const LAG_MAX_WARN_MS = 250;

/** How late the generator's event loop ran, in ms beyond the sampling timer's own period. */
export interface LoopLag {
  p99Ms: number;
  maxMs: number;
}

/** Watch this process's event-loop delay; `stop()` returns what was seen. */
export function startLoopLagMonitor(): { stop(): LoopLag } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      if (histogram.count === 0) return { p99Ms: 0, maxMs: 0 };
      // The histogram records each timer period (RESOLUTION_MS) plus the delay: keep the delay.
      const lag = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10);
      return { p99Ms: lag(histogram.percentile(99)), maxMs: lag(histogram.max) };
    },
  };
}

/** A warning when the lag makes the measurements untrustworthy, else undefined. */
export function lagWarning(lag: LoopLag): string | undefined {
  if (lag.p99Ms <= LAG_P99_WARN_MS && lag.maxMs <= LAG_MAX_WARN_MS) return undefined;
  return (
    `load generator's event loop lagged (p99 ${lag.p99Ms} ms, max ${lag.maxMs} ms): ` +
    'sends and latencies are off by up to that much; the generator machine is overloaded'
  );
}
