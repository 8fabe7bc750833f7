import { describe, expect, test } from 'vitest';
import { toBaselineEntry } from '../../src/baseline/baseline-entry.js';
import { compareToBaseline, incomparability } from '../../src/baseline/compare-baseline.js';
import { describeComparison } from '../../src/baseline/describe-comparison.js';
import { parseTolerances } from '../../src/baseline/tolerance.js';
import { mergeRun } from '../../src/merge/merge-run.js';
import { createRandom } from '../../src/random/random.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun, linearRun, type FakeRequest } from '../helpers/fake-run.js';
import { noisyRun } from '../helpers/noisy-run.js';

const options = { confidence: 0.95, seed: 1 };
const entry = toBaselineEntry('suite > test', noisyRun(1));
const tolerances = parseTolerances({ p95: '+10%', errorRate: '+0.5pp', throughput: '-10%' });

describe('compareToBaseline', () => {
  test('an unchanged server: every figure unchanged (within its tolerance)', () => {
    const out = compareToBaseline(entry, noisyRun(2), tolerances, options);
    expect(out.map((c) => c.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // 0 errors in 3000 on both sides: the difference's upper bound is within +0.5pp.
    expect(out[1]!.interval!.high).toBeLessThan(0.005);
  });

  test('a 30% slower server: p95 regression, with baseline, current, interval and tolerance in the line', () => {
    const [p95] = compareToBaseline(entry, noisyRun(3, 1.3), tolerances, options);
    expect(p95!.outcome).toBe('regression');
    expect(p95!.interval!.low).toBeGreaterThan(1.1);
    expect(describeComparison(p95!)).toMatch(
      new RegExp(
        String.raw`^p95: regression — baseline \d+(\.\d+)? ms, now \d+(\.\d+)? ms, ratio 1\.\d` +
          String.raw`\d \(95% bounds 1\.\d\d \.\. 1\.\d\d, block bootstrap \(31 vs 31 blocks\)\) ` +
          String.raw`past the tolerance \+10%$`,
      ),
    );
  });

  test('a 10% slower server against a +10% tolerance: the bounds straddle it, inconclusive (not a regression)', () => {
    const [p95] = compareToBaseline(entry, noisyRun(7, 1.1), tolerances, options);
    expect(p95!.interval!.low).toBeLessThan(1.1);
    expect(p95!.interval!.high).toBeGreaterThan(1.1);
    expect(p95).toMatchObject({
      outcome: 'inconclusive',
      reason: "the ratio's bounds straddle the tolerance 1.10",
    });
  });

  test('a 30% faster server is an improvement', () => {
    const [p95] = compareToBaseline(entry, noisyRun(4, 0.7), tolerances, options);
    expect(p95!.outcome).toBe('improvement');
  });

  test('more errors beyond the tolerance: error rate regression (Newcombe)', () => {
    const out = compareToBaseline(
      entry,
      noisyRun(5, 1, { errors: 90 }),
      parseTolerances({ errorRate: '+0.5pp' }),
      options,
    );
    expect(out[0]).toMatchObject({ outcome: 'regression', interval: { method: 'newcombe' } });
    expect(describeComparison(out[0]!)).toMatch(
      new RegExp(
        String.raw`^errorRate: regression — baseline 0%, now 3%, difference \+3pp \(95% bounds ` +
          String.raw`\+2\.\d+pp \.\. \+3\.\d+pp, newcombe\) past the tolerance \+0\.5pp$`,
      ),
    );
  });

  test('a 20-sample run is inconclusive, saying what p95 needs', () => {
    const [p95] = compareToBaseline(
      entry,
      linearRun(20),
      parseTolerances({ p95: '+10%' }),
      options,
    );
    expect(p95).toMatchObject({ outcome: 'inconclusive', interval: null });
    expect(p95!.reason).toBe(
      'p95 at 95% confidence needs at least 59 successful responses per run; the baseline had 3000, this run 20',
    );
  });

  test('a 4-second run 30% slower is judged all the same: a regression on the order-statistics ratio', () => {
    // 1400 samples in 3.5 s: the run the issue reported as always inconclusive.
    const [p95] = compareToBaseline(
      entry,
      noisyRun(6, 1.3, { n: 1400, durationMs: 3500 }),
      parseTolerances({ p95: '+10%' }),
      options,
    );
    expect(p95).toMatchObject({ outcome: 'regression' });
    expect(p95!.interval!.low).toBeGreaterThan(1.1);
    expect(describeComparison(p95!)).toMatch(
      new RegExp(
        String.raw`^p95: regression — baseline \d+(\.\d+)? ms, now \d+(\.\d+)? ms, ratio 1\.\d` +
          String.raw`\d \(95% bounds 1\.\d\d \.\. 1\.\d\d, order-statistics ratio \(31 vs 4 s, ` +
          String.raw`shorter than the 5 s the block bootstrap needs\)\) past the tolerance \+10%$`,
      ),
    );
  });

  test('an unchanged 4-second twin with 3000 samples is unchanged, not a regression', () => {
    const [p95] = compareToBaseline(
      entry,
      noisyRun(8, 1, { n: 3000, durationMs: 3500 }),
      parseTolerances({ p95: '+10%' }),
      options,
    );
    expect(p95!.outcome).toBe('unchanged');
    expect(p95!.interval!.high).toBeLessThanOrEqual(1.1);
  });
});

/** noisyRun's 3000 latencies (seed, scale) as requests, to run in one process or in splits. */
function noisyRequests(seed: number, scale: number): FakeRequest[] {
  const random = createRandom(seed);
  return Array.from({ length: 3000 }, () => ({
    latencyMs: scale * (20 - 10 * Math.log(1 - random())),
  }));
}

/**
 * The same requests over the same 30 s, dealt round-robin to 3 splits that share a common start
 * (as STRESS_START_AT makes them), each carried as its perf-results.json run, merged.
 */
function mergedOf3(requests: FakeRequest[]) {
  const parts = [1, 2, 3].map((index) => {
    const result = fakeRun(
      requests.filter((_, i) => i % 3 === index - 1),
      { durationMs: 30_000 },
    );
    result.split = { index, count: 3, startAt: 0, lateStartMs: 0, warnings: [] };
    return { split: index, run: toRunMeta(result) };
  });
  return mergeRun(parts);
}

describe('compareToBaseline on a merged 3-split run', () => {
  const single = fakeRun(noisyRequests(2, 1), { durationMs: 30_000 });
  const merged = mergedOf3(noisyRequests(2, 1));

  test('the same verdict as the one process that sent the same requests, with close intervals', () => {
    expect(merged.secondHistograms).toHaveLength(merged.timeline.length);
    const one = compareToBaseline(entry, single, tolerances, options);
    const three = compareToBaseline(entry, merged, tolerances, options);
    expect(three.map((c) => c.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(three.map((c) => c.outcome)).toEqual(one.map((c) => c.outcome));
    // Resampled by whole merged seconds, as one process's run is (not the short-run fallback).
    const seconds = merged.secondHistograms!.filter((h) => h !== '').length;
    expect(seconds).toBeGreaterThanOrEqual(30);
    expect(three[0]!.interval!.method).toBe(`block bootstrap (31 vs ${seconds} blocks)`);
    for (const [i, c] of three.entries()) {
      expect(c.interval!.low).toBeCloseTo(one[i]!.interval!.low, 1);
      expect(c.interval!.high).toBeCloseTo(one[i]!.interval!.high, 1);
    }
  });

  test('a merged run 30% slower: p95 regression, as one process', () => {
    const [one] = compareToBaseline(entry, fakeRun(noisyRequests(3, 1.3)), tolerances, options);
    const [three] = compareToBaseline(entry, mergedOf3(noisyRequests(3, 1.3)), tolerances, options);
    expect(three!.outcome).toBe('regression');
    expect(one!.outcome).toBe('regression');
    expect(three!.interval!.low).toBeGreaterThan(1.1);
    expect(three!.interval!.low).toBeCloseTo(one!.interval!.low, 1);
  });
});

describe('incomparability', () => {
  test('another profile, model or machine makes the baseline not comparable, saying which', () => {
    const run = noisyRun(2);
    expect(incomparability(entry, run, undefined)).toBeUndefined();
    expect(incomparability({ ...entry, profile: 'smoke' }, run, 'cores 8 → 2')).toBe(
      'the baseline is not comparable: recorded at profile smoke, this run is quick; ' +
        'recorded on another machine (cores 8 → 2); rerun with vitest -u here to re-record it',
    );
  });
});
