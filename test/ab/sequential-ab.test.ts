import { describe, expect, test } from 'vitest';
import { createRandom } from '../../src/random/random.js';
import { judgeAb } from '../../src/ab/judge-ab.js';
import {
  lookAtRounds,
  resolveSequentialAb,
  sequentialAbReport,
} from '../../src/ab/sequential-ab.js';
import { validateCompareOptions } from '../../src/ab/ab-options.js';
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

/** One simulated comparison: 'sequential' looks with spending, 'naive' judges at 95% every look. */
function simulate(
  ratio: number,
  seed: number,
  mode: 'sequential' | 'naive',
): { state: string; rounds: number } {
  const random = createRandom(seed);
  const rounds: AbRound[] = [];
  let looked = 0;
  for (let r = 1; r <= plan.maxRounds; r++) {
    const drift = 100 * Math.exp(0.1 * normal(random));
    rounds.push({
      round: r,
      order: r % 2 ? 'AB' : 'BA',
      baseline: side(drift * Math.exp(0.05 * normal(random))),
      candidate: side(drift * ratio * Math.exp(0.05 * normal(random))),
    });
    if (r % 2 !== 0 || r < plan.minRounds) continue;
    const state =
      mode === 'sequential'
        ? lookAtRounds(rounds, HEADER, plan, looked).state
        : judgeAb({ ...HEADER, rounds }).state;
    looked = r;
    if (state !== 'inconclusive') return { state, rounds: r };
  }
  return { state: 'inconclusive', rounds: plan.maxRounds };
}

const rateOf = (ratio: number, mode: 'sequential' | 'naive', state: string, runs = RUNS) => {
  let hits = 0;
  let rounds = 0;
  for (let i = 0; i < runs; i++) {
    const outcome = simulate(ratio, 1000 + i, mode);
    if (outcome.state === state) hits++;
    rounds += outcome.rounds;
  }
  return { rate: hits / runs, meanRounds: rounds / runs };
};

describe("sequential A/B (O'Brien–Fleming spending over round pairs)", () => {
  test(`at the tolerance exactly, false failures stay within α + Monte-Carlo error (${RUNS} comparisons)`, () => {
    expect(rateOf(1.1, 'sequential', 'fail').rate).toBeLessThanOrEqual(LIMIT);
  });

  test('the naive 95% judgement after every pair exceeds α on the same comparisons', () => {
    expect(rateOf(1.1, 'naive', 'fail').rate).toBeGreaterThan(LIMIT);
  });

  test('a 25% slowdown is detected in at least 19 of 20, before the maximum on average', () => {
    const slow = rateOf(1.25, 'sequential', 'fail', 200);
    expect(slow.rate).toBeGreaterThanOrEqual(0.95);
    expect(slow.meanRounds).toBeLessThan(plan.maxRounds);
  });

  test('an unchanged candidate passes, before the maximum on average', () => {
    const same = rateOf(1, 'sequential', 'pass', 200);
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
