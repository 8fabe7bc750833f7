import { describe, expect, test } from 'vitest';
import { mergeRun } from '../../src/merge/merge-run.js';
import { decodeHistogram, percentileMs } from '../../src/histogram/latency-histogram.js';
import type { RunMeta } from '../../src/contracts/meta.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun, type FakeRequest } from '../helpers/fake-run.js';

const ok = (n: number, from: number): FakeRequest[] =>
  Array.from({ length: n }, (_, i) => ({ latencyMs: from + (i % 50) }));

/** A split's run meta as the reporter carries it, started `startMs` after the epoch. */
function splitMeta(requests: FakeRequest[], index: number, startMs: number, durationMs: number) {
  const result = fakeRun(requests, { users: 2, durationMs });
  result.startedAt = new Date(startMs).toISOString();
  result.split = { index, count: 2, startAt: 0, lateStartMs: startMs, warnings: [] };
  return toRunMeta(result);
}

const countOf = (encoded: string) => (encoded === '' ? 0 : decodeHistogram(encoded).totalCount);

describe('mergeRun: per-second histograms', () => {
  // Split 1: 10 s at 30 ms and up; split 2 starts 2 s later, runs 4 s at 500 ms and up.
  const a = splitMeta(ok(1000, 30), 1, 0, 10_000);
  const b = splitMeta(ok(400, 500), 2, 2000, 4000);
  const merged = mergeRun([
    { split: 1, run: a },
    { split: 2, run: b },
  ]);

  test('one per merged second, each the sum of the splits’ seconds shifted by their start', () => {
    const hist = merged.secondHistograms!;
    expect(hist).toHaveLength(merged.timeline.length);
    const counts = hist.map(countOf);
    // Split 2's seconds 0..3 land on the merged seconds 2..5.
    const expected = merged.timeline.map((e) => {
      const fromA = countOf(a.secondHistograms![e.t] ?? '');
      const fromB = countOf(b.secondHistograms![e.t - 2] ?? '');
      return fromA + fromB;
    });
    expect(counts).toEqual(expected);
    expect(counts[3]).toBe(countOf(a.secondHistograms![3]) + countOf(b.secondHistograms![1]));
    expect(countOf(b.secondHistograms![1])).toBeGreaterThan(0);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(merged.latency.count);
  });

  test('a second only the longer split ran is its histogram unchanged', () => {
    expect(merged.timeline.map((e) => e.t).slice(-1)).toEqual([a.timeline.length - 1]);
    expect(merged.secondHistograms![8]).toBe(a.secondHistograms![8]);
  });

  test('each second’s percentiles are read from its merged histogram (exact, not the splits’ highest)', () => {
    const second3 = decodeHistogram(merged.secondHistograms![3]);
    expect(merged.timeline[3]).toMatchObject({
      p50: percentileMs(second3, 50),
      p95: percentileMs(second3, 95),
    });
    // Split 2 answers in 500 ms and up, split 1 in 30–79 ms, and split 1 sends more: the pooled
    // median is split 1's, below the highest of the two medians.
    expect(merged.timeline[3].p50).toBeLessThan(100);
    expect(merged.timeline[0].p50).toBe(a.timeline[0].p50);
  });

  test('a split without them (a file written before split runs kept them): none merged, highest per second', () => {
    const { secondHistograms: _dropped, ...old } = b;
    const without = mergeRun([
      { split: 1, run: a },
      { split: 2, run: old as RunMeta },
    ]);
    expect(without.secondHistograms).toBeUndefined();
    expect(without.timeline[3].p50).toBe(Math.max(a.timeline[3].p50!, b.timeline[1].p50!));
  });
});
