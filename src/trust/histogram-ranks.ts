import { decodeFromCompressedBase64 } from 'hdr-histogram-js';
import type { JsHistogram } from 'hdr-histogram-js';
import type { LatencyHistogram } from '../histogram/latency-histogram.js';

// createLatencyHistogram builds pure-JS histograms (useWebAssembly: false), whose bucket
// accessors the generic Histogram interface does not declare.
function buckets(histogram: LatencyHistogram): JsHistogram {
  return histogram as unknown as JsHistogram;
}

/**
 * The k-th smallest recorded value (1-based rank) of an HDR histogram, in microseconds, within
 * the histogram's precision: 'low' gives the bucket's lowest equivalent value (a conservative
 * lower bound), 'high' its highest equivalent value capped at the largest sample.
 */
export function valueAtRankUs(
  histogram: LatencyHistogram,
  rank: number,
  side: 'low' | 'high',
): number | null {
  if (!(rank >= 1) || rank > histogram.totalCount) return null;
  const h = buckets(histogram);
  let cumulative = 0;
  for (let i = 0; i < h.countsArrayLength; i++) {
    cumulative += h.getCountAtIndex(i);
    if (cumulative >= rank) {
      const value = h.valueFromIndex(i);
      return side === 'low' ? value : Math.min(h.highestEquivalentValue(value), h.maxValue);
    }
  }
  return null;
}

/** The non-empty buckets of a histogram: value (µs, highest equivalent, capped at the max) and count. */
export interface SparseHistogram {
  valuesUs: number[];
  counts: number[];
  total: number;
}

/** List a histogram's non-empty buckets in ascending order of value. */
export function sparseBuckets(histogram: LatencyHistogram): SparseHistogram {
  const h = buckets(histogram);
  const valuesUs: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < h.countsArrayLength; i++) {
    const count = h.getCountAtIndex(i);
    if (count === 0) continue;
    valuesUs.push(Math.min(h.highestEquivalentValue(h.valueFromIndex(i)), h.maxValue));
    counts.push(count);
  }
  return { valuesUs, counts, total: histogram.totalCount };
}

/** Decode a compressed base64 histogram straight to its non-empty buckets ('' gives an empty one). */
export function decodeSparse(encoded: string): SparseHistogram {
  if (encoded === '') return { valuesUs: [], counts: [], total: 0 };
  // 32-bit buckets: ten times faster to walk than the packed default.
  const histogram = decodeFromCompressedBase64(encoded, 32, false);
  const sparse = sparseBuckets(histogram);
  histogram.destroy();
  return sparse;
}
