import { beforeAll, describe, expect, test } from 'vitest';
import { simulateNaive, simulateSequential, type SimulatedRun } from './simulate.js';

// The guarantee of `load({ until })`, proven by simulation over seeded synthetic runs (no load):
// a true p95 exactly at the threshold, a look every second for up to 30 s, 100 samples a second.
const RUNS = 2000;
const AT_THRESHOLD = { runs: RUNS, seconds: 30, perSecond: 100, trueRatio: 1, seed: 1 };
const ALPHA = 0.05;
// α plus three Monte-Carlo standard errors of a rate α over RUNS runs (≈ 0.0646).
const LIMIT = ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / RUNS);

const rate = (runs: SimulatedRun[], state: SimulatedRun['state']) =>
  runs.filter((r) => r.state === state).length / runs.length;

describe("stop-when-decided error control (O'Brien–Fleming spending, a look every second)", () => {
  let sequential: SimulatedRun[] = [];
  let naive: SimulatedRun[] = [];
  beforeAll(() => {
    sequential = simulateSequential(AT_THRESHOLD);
    naive = simulateNaive(AT_THRESHOLD);
  }, 300_000); // 2 × 2000 simulated runs: ≈ 10 s alone, over a minute on a busy 2-core runner

  test(`at the threshold exactly, false failures stay within α + Monte-Carlo error (${RUNS} runs)`, () => {
    expect(rate(sequential, 'fail')).toBeLessThanOrEqual(LIMIT);
  });

  test('at the threshold exactly, false passes stay within α + Monte-Carlo error too', () => {
    expect(rate(sequential, 'pass')).toBeLessThanOrEqual(LIMIT);
  });

  test('the naive fixed-sample interval recomputed every second exceeds α on the same runs', () => {
    expect(rate(naive, 'fail')).toBeGreaterThan(LIMIT);
  });

  test('a clearly healthy run (true p95 at 70% of the threshold) passes, most runs well before the maximum', () => {
    const healthy = simulateSequential({ ...AT_THRESHOLD, runs: 200, trueRatio: 0.7, seed: 2 });
    expect(rate(healthy, 'pass')).toBeGreaterThanOrEqual(0.95);
    const meanS = healthy.reduce((sum, r) => sum + r.decidedAtS, 0) / healthy.length;
    expect(meanS).toBeLessThan(AT_THRESHOLD.seconds / 2);
  });

  test('a clear regression (true p95 at 130% of the threshold) fails, well before the maximum', () => {
    const slow = simulateSequential({ ...AT_THRESHOLD, runs: 200, trueRatio: 1.3, seed: 3 });
    expect(rate(slow, 'fail')).toBeGreaterThanOrEqual(0.95);
    const meanS = slow.reduce((sum, r) => sum + r.decidedAtS, 0) / slow.length;
    expect(meanS).toBeLessThan(AT_THRESHOLD.seconds / 2);
  });
});
