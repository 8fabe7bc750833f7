import { describe, expect, test } from 'vitest';
import { createRandom } from '../../src/random/random.js';
import { judgeAb } from '../../src/ab/judge-ab.js';
import {
  lookAtRounds,
  resolveSequentialAb,
  sequentialAbReport,
} from '../../src/ab/sequential-ab.js';
import { validateCompareOptions } from '../../src/ab/ab-options.js';
import { lookAlpha, MIN_LOOK_ALPHA } from '../../src/sequential/alpha-spending.js';
import type { AbResult, AbRound, AbSideFigures } from '../../src/contracts/ab-result.js';

// Sequential A/B error control by simulation (no load): the true p95 ratio exactly at the
// tolerance (1.10 for '+10%'), log-normal round noise, looks after every ABBA pair from 4 to 20.
const RUNS = 2000;
const ALPHA = 0.05;
const LIMIT = ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / RUNS);
const HEADER: Omit<AbResult, 'rounds'> = {
  kind: 'vitest-stress/ab',
  schemaVersion: 1,
  baseline: 'a',
  candidate: 'b',
  order: '',
  warmupMs: 0,
  profile: 'custom',
  startedAt: '',
  warnings: [],
};
const plan = resolveSequentialAb({ minRounds: 4, maxRounds: 20 });

function side(p95Ms: number): AbSideFigures {
  return {
    p50Ms: p95Ms / 2,
    p75Ms: p95Ms / 1.5,
    p90Ms: p95Ms / 1.1,
    p95Ms,
    p99Ms: p95Ms * 1.2,
    p999Ms: p95Ms * 1.5,
    errorRate: 0,
    throughputRps: 100,
    total: 100,
    ok: 100,
    failed: 0,
    durationMs: 1000,
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

type Mode = 'sequential' | 'union' | 'naive';
type Noise = 'normal' | 'heavy';

/** The judgement before the exact boundaries: each look at 1 − its share of α (union bound). */
function unionLook(rounds: AbRound[], previousRounds: number): string {
  const alpha = lookAlpha(previousRounds / plan.maxRounds, rounds.length / plan.maxRounds, 0.05);
  return alpha < MIN_LOOK_ALPHA
    ? 'inconclusive'
    : judgeAb({ ...HEADER, rounds }, undefined, 1 - alpha).state;
}

/**
 * One simulated comparison: 'sequential' looks with the design's boundaries, 'union' with the
 * union bound, 'naive' judges at 95% every look. 'heavy' noise: 15% of runs with 4× the spread.
 */
function simulate(
  ratio: number,
  seed: number,
  mode: Mode,
  noise: Noise = 'normal',
  spread = 0.05,
): { state: string; rounds: number } {
  const random = createRandom(seed);
  const jitter = () => spread * normal(random) * (noise === 'heavy' && random() < 0.15 ? 4 : 1);
  const rounds: AbRound[] = [];
  for (let r = 1; r <= plan.maxRounds; r++) {
    const drift = 100 * Math.exp(0.1 * normal(random));
    rounds.push({
      round: r,
      order: r % 2 ? 'AB' : 'BA',
      baseline: side(drift * Math.exp(jitter())),
      candidate: side(drift * ratio * Math.exp(jitter())),
    });
    if (r % 2 !== 0 || r < plan.minRounds) continue;
    const state =
      mode === 'sequential'
        ? lookAtRounds(rounds, HEADER, plan).state
        : mode === 'union'
          ? unionLook(rounds, r === plan.minRounds ? 0 : r - 2)
          : judgeAb({ ...HEADER, rounds }).state;
    if (state !== 'inconclusive') return { state, rounds: r };
  }
  return { state: 'inconclusive', rounds: plan.maxRounds };
}

interface Scenario {
  noise?: Noise;
  spread?: number;
  runs?: number;
}

const rateOf = (ratio: number, mode: Mode, state: string, scenario: Scenario = {}) => {
  const { noise = 'normal', spread = 0.05, runs = RUNS } = scenario;
  let hits = 0;
  let rounds = 0;
  for (let i = 0; i < runs; i++) {
    const outcome = simulate(ratio, 1000 + i, mode, noise, spread);
    if (outcome.state === state) hits++;
    rounds += outcome.rounds;
  }
  return { rate: hits / runs, meanRounds: rounds / runs };
};

describe("sequential A/B (O'Brien–Fleming spending over round pairs)", () => {
  test(`at the tolerance exactly, false failures stay within α + Monte-Carlo error (${RUNS} comparisons)`, () => {
    expect(rateOf(1.1, 'sequential', 'fail').rate).toBeLessThanOrEqual(LIMIT);
  });

  test(`with heavy-tailed rounds (15% with 4× the spread) too (${RUNS} comparisons)`, () => {
    expect(rateOf(1.1, 'sequential', 'fail', { noise: 'heavy' }).rate).toBeLessThanOrEqual(LIMIT);
  });

  test('the naive 95% judgement after every pair exceeds α on the same comparisons', () => {
    expect(rateOf(1.1, 'naive', 'fail').rate).toBeGreaterThan(LIMIT);
  });

  test('a 25% slowdown is detected in at least 19 of 20, before the maximum on average', () => {
    const slow = rateOf(1.25, 'sequential', 'fail', { runs: 200 });
    expect(slow.rate).toBeGreaterThanOrEqual(0.95);
    expect(slow.meanRounds).toBeLessThan(plan.maxRounds);
  });

  test('where the union bound detects a 25% slowdown in under 3 of 4, the design detects more', () => {
    // Three times the noise per run: 15% (a spread of ≈ 0.21 in each round's log ratio).
    const noisy = { spread: 0.15, runs: 400 };
    const union = rateOf(1.25, 'union', 'fail', noisy).rate;
    expect(union).toBeLessThan(0.75);
    expect(rateOf(1.25, 'sequential', 'fail', noisy).rate).toBeGreaterThan(union + 0.1);
  });

  test('an unchanged candidate passes, before the maximum on average', () => {
    const same = rateOf(1, 'sequential', 'pass', { runs: 200 });
    expect(same.rate).toBeGreaterThanOrEqual(0.95);
    expect(same.meanRounds).toBeLessThan(plan.maxRounds);
  });

  test('the report says how many rounds it needed and why it stopped', () => {
    expect(
      sequentialAbReport(plan, 8, { state: 'fail', lookConfidence: 0.999 }, false),
    ).toMatchObject({
      roundsUsed: 8,
      stoppedBecause: 'decided',
      state: 'fail',
      lookConfidence: 0.999,
      maxRounds: 20,
    });
    expect(
      sequentialAbReport(plan, 20, { state: 'inconclusive', lookConfidence: 0.99 }, false)
        .stoppedBecause,
    ).toBe('max-rounds');
  });

  test.each([
    [{ minRounds: 3 }, /"sequential.minRounds".*an even integer >= 4/],
    [{ minRounds: 8, maxRounds: 6 }, /"sequential.maxRounds".*an even integer >= 8/],
    [{ confidence: 2 }, /"sequential.confidence"/],
    [{ tolerances: { p96: '+10%' } }, /p96/],
    [{ rounds: 4 }, /unknown option "sequential.rounds"/],
  ])('refuses sequential %j with a coded error', (sequential, message) => {
    expect(() => resolveSequentialAb(sequential)).toThrow(message);
  });

  test('rounds and sequential together are refused', () => {
    expect(() =>
      validateCompareOptions({
        baseline: 'http://127.0.0.1:1',
        candidate: 'http://127.0.0.1:2',
        rounds: 6,
        sequential: {},
        duration: '1s',
      }),
    ).toThrow(/"rounds".*no rounds with sequential/);
  });
});
