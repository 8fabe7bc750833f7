import type { RunSummary } from '../contracts/run-result.js';
import type { Bounds } from './bounds.js';

/** A threshold check of one figure of a run: below or above. */
export interface ThresholdSpec {
  matcher: string;
  /** Name in messages: 'p95', 'error rate', 'throughput'. */
  metric: string;
  /** Unit of threshold and figure in messages and verdicts: 'ms', '', 'rps'. */
  unit: string;
  direction: 'below' | 'above';
  threshold: unknown;
  /** Validate the threshold; return a complaint or undefined. */
  checkThreshold: (threshold: number) => string | undefined;
  /** Read the figure; a string explains why there is nothing to judge (zero samples). */
  observe: (summary: RunSummary) => number | string;
  /** The sample count shown as n= in messages; default: latency samples (successful responses). */
  countOf?: (summary: RunSummary) => number;
  /** Format a figure for messages, e.g. as a percentage. */
  format?: (value: number) => string;
  /** Latency matchers: the percentile judged, recorded in the verdict for re-judging. */
  percentile?: number;
  /** Confidence bounds of the figure, for verdicts with `{ confidence }`. */
  bounds: (summary: RunSummary, confidence: number) => Bounds;
}
