import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, recordLatencyMs } from '../../src/histogram/latency-histogram.js';
import { latencyIntervals, percentileInterval } from '../../src/trust/percentile-interval.js';

function histogramOf(valuesMs: number[]) {
  const h = createLatencyHistogram();
  for (const v of valuesMs) recordLatencyMs(h, v);
  return h;
}

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentileInterval', () => {
  it('reads the bounds at the binomial ranks: median of 1..100 ms is within [42, 59] ms', () => {
    const i = percentileInterval(histogramOf(oneToHundred), 50, 0.95);
    expect(i.lowRank).toBe(42);
    expect(i.highRank).toBe(59);
    expect(i.lowMs).toBeCloseTo(42, 1);
    expect(i.highMs).toBeCloseTo(59, 1);
    expect(i.estimateMs).toBeCloseTo(50, 1);
  });

  it('p95 of 58 samples has no upper bound and says it needs 59', () => {
    const i = percentileInterval(histogramOf(oneToHundred.slice(0, 58)), 95, 0.95);
    expect(i.highMs).toBeNull();
    expect(i.minSamples).toBe(59);
    expect(i.count).toBe(58);
  });

  it('p95 of 59 samples: the maximum is the upper bound', () => {
    const i = percentileInterval(histogramOf(oneToHundred.slice(0, 59)), 95, 0.95);
    expect(i.highRank).toBe(59);
    expect(i.highMs).toBe(59);
  });

  it('an empty histogram has no estimate and no bounds', () => {
    const i = percentileInterval(createLatencyHistogram(), 95);
    expect([i.estimateMs, i.lowMs, i.highMs]).toEqual([null, null, null]);
  });
});

describe('latencyIntervals', () => {
  it('covers every reported percentile at one confidence', () => {
    const all = latencyIntervals(histogramOf(oneToHundred), 0.9);
    expect(Object.keys(all)).toEqual(['confidence', 'p50', 'p75', 'p90', 'p95', 'p99', 'p999']);
    expect(all.p999.percentile).toBe(99.9);
    expect(all.p95.confidence).toBe(0.9);
  });
});
