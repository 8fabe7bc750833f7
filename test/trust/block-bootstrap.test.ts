import { describe, expect, test } from 'vitest';
import {
  bootstrapMeanRatio,
  bootstrapQuantileRatio,
  MAX_BLOCKS,
} from '../../src/trust/block-bootstrap.js';
import { decodeSparse } from '../../src/trust/histogram-ranks.js';
import { noisyRun } from '../helpers/noisy-run.js';

const seconds = (run: ReturnType<typeof noisyRun>) =>
  (run.secondHistograms ?? []).map(decodeSparse);
const before = seconds(noisyRun(1));
const same = seconds(noisyRun(2));
const slower = seconds(noisyRun(3, 1.3));

describe('bootstrapQuantileRatio', () => {
  test('two runs of one distribution: the p95 ratio interval contains 1 and is narrow', () => {
    const r = bootstrapQuantileRatio(before, same, 0.95, { confidence: 0.95 });
    expect(r.blocks).toEqual([31, 31]); // 30 s and the partial second in which the last answers came
    expect(r.low).toBeLessThan(1);
    expect(r.high).toBeGreaterThan(1);
    expect(r.high - r.low).toBeLessThan(0.2);
  });

  test('a 30% slower run: the interval lies above 1.1', () => {
    const r = bootstrapQuantileRatio(before, slower, 0.95, { confidence: 0.95 });
    expect(r.estimate).toBeCloseTo(1.3, 1);
    expect(r.low).toBeGreaterThan(1.1);
  });

  test('seeded: the same inputs and seed give the same interval', () => {
    const a = bootstrapQuantileRatio(before, slower, 0.95, {
      confidence: 0.95,
      seed: 7,
      resamples: 300,
    });
    const b = bootstrapQuantileRatio(before, slower, 0.95, {
      confidence: 0.95,
      seed: 7,
      resamples: 300,
    });
    expect(a).toEqual(b);
  });

  // group(): at most MAX_BLOCKS (120) blocks, each of the same whole number of seconds,
  // ceil(seconds / 120): 250 s → blocks of 3 s → 84 blocks; 240 s → blocks of 2 s → 120 blocks.
  test('more than 120 seconds are grouped into at most 120 blocks of equal whole seconds', () => {
    const long = seconds(noisyRun(4, 1, { n: 2500, durationMs: 250_000 }));
    expect(long).toHaveLength(250);
    expect(
      bootstrapQuantileRatio(long, long, 0.5, { confidence: 0.95, resamples: 50 }).blocks,
    ).toEqual([84, 84]);
    const exact = long.slice(0, 240);
    expect(
      bootstrapQuantileRatio(exact, exact, 0.5, { confidence: 0.95, resamples: 50 }).blocks,
    ).toEqual([MAX_BLOCKS, MAX_BLOCKS]);
    const short = long.slice(0, 120);
    expect(
      bootstrapQuantileRatio(short, short, 0.5, { confidence: 0.95, resamples: 50 }).blocks,
    ).toEqual([120, 120]);
  });
});

describe('bootstrapMeanRatio', () => {
  test('ratio of the means, with an interval around it', () => {
    const r = bootstrapMeanRatio([100, 110, 90, 100], [80, 88, 72, 80], { confidence: 0.95 });
    expect(r.estimate).toBeCloseTo(0.8, 10);
    expect(r.low).toBeLessThan(0.8);
    expect(r.high).toBeGreaterThan(0.8);
    expect(r.high).toBeLessThan(0.9);
  });
});
