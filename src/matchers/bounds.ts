import { decodeHistogram } from '../histogram/latency-histogram.js';
import type { RunSummary } from '../contracts/run-result.js';
import { percentileInterval } from '../trust/percentile-interval.js';
import { wilsonInterval } from '../trust/proportion-interval.js';
import { throughputInterval } from '../trust/throughput-interval.js';
import { isRunResult } from '../contracts/run-result.js';
import { formatPercent } from '../format/message.js';

/** Confidence bounds of a figure; a missing bound comes with the reason (too few samples). */
export interface Bounds {
  low: number | null;
  high: number | null;
  method: string;
  /** Why a bound is null, e.g. 'p95 at 95% confidence needs at least 59 samples, this run had 26'. */
  shortfall?: string;
}

/** A percentile's order-statistics bounds (ms) from the summary's histogram. */
export function percentileBounds(
  summary: RunSummary,
  percentile: number,
  confidence: number,
  name: string,
): Bounds {
  const i = percentileInterval(decodeHistogram(summary.histogram), percentile, confidence);
  const shortfall =
    i.highMs === null
      ? `${name} at ${formatPercent(confidence)} confidence needs at least ${i.minSamples} ` +
        `successful responses, this run had ${i.count}`
      : undefined;
  return { low: i.lowMs, high: i.highMs, method: i.method, ...(shortfall ? { shortfall } : {}) };
}

/** Wilson bounds of the proportion events / n. */
export function rateBounds(events: number, n: number, confidence: number): Bounds {
  const i = wilsonInterval(events, n, confidence);
  return { low: i.low, high: i.high, method: 'wilson' };
}

/** Per-second t bounds of throughput (rps); needs the run's timeline (whole runs only). */
export function throughputBounds(summary: RunSummary, confidence: number): Bounds {
  if (!isRunResult(summary))
    return {
      low: null,
      high: null,
      method: 't-per-second',
      shortfall:
        'throughput with confidence needs a whole run (its per-second timeline), not a phase or scenario',
    };
  const i = throughputInterval(summary.timeline, summary.durationMs, confidence);
  if (typeof i === 'string') return { low: null, high: null, method: 't-per-second', shortfall: i };
  return { low: i.lowRps, high: i.highRps, method: i.method };
}
