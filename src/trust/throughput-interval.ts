import type { TimelineEntry } from '../contracts/run-result.js';
import { studentTQuantile } from './student-t.js';

/** Whole seconds a throughput interval needs (two degrees of freedom). */
export const MIN_THROUGHPUT_SECONDS = 3;

/** An interval of the mean finished requests per second; each bound one-sided at `confidence`. */
export interface ThroughputInterval {
  /** Mean finished requests per whole second. */
  estimateRps: number;
  lowRps: number;
  highRps: number;
  /** Whole seconds used (the last, partial second is left out). */
  seconds: number;
  confidence: number;
  method: 't-per-second';
}

/** Finished requests in each whole second of a run (the partial last second left out). */
export function perSecondFinished(timeline: TimelineEntry[], durationMs: number): number[] {
  return timeline.filter((e) => (e.t + 1) * 1000 <= durationMs).map((e) => e.requests);
}

/**
 * Student-t interval of the mean of the per-second finished counts. Seconds are the units:
 * bursts inside a second do not make it narrower, but drift across seconds (autocorrelation)
 * is not modelled. Returns a string naming the shortfall with fewer than 3 whole seconds.
 */
export function throughputInterval(
  timeline: TimelineEntry[],
  durationMs: number,
  confidence: number,
): ThroughputInterval | string {
  const counts = perSecondFinished(timeline, durationMs);
  const k = counts.length;
  if (k < MIN_THROUGHPUT_SECONDS)
    return (
      `throughput with confidence needs at least ${MIN_THROUGHPUT_SECONDS} whole seconds of ` +
      `per-second counts, this run had ${k}`
    );
  const mean = counts.reduce((a, b) => a + b, 0) / k;
  const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1);
  const half = studentTQuantile(confidence, k - 1) * Math.sqrt(variance / k);
  return {
    estimateRps: mean,
    lowRps: Math.max(0, mean - half),
    highRps: mean + half,
    seconds: k,
    confidence,
    method: 't-per-second',
  };
}
