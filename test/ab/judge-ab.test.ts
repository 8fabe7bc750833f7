import { describe, expect, test } from 'vitest';
import { judgeAb } from '../../src/ab/judge-ab.js';
import { abResult, roundsWithLogRatios, side } from './ab-fixtures.js';

// Four rounds with d = ln(B/A) = m + (−0.1, 0, +0.1, 0): s = √(0.02/3) = 0.081650, s/√4 = 0.040825;
// at confidence 0.95 (t(0.95, 3) = 2.353363) the half width of mean d is 0.096077.
const HALF = 2.353363 * 0.040825;
const around = (m: number) => roundsWithLogRatios([m - 0.1, m, m + 0.1, m]);

describe('judgeAb: latency', () => {
  test('a slowdown whose whole interval is above 1 + tolerance is a regression', () => {
    const j = judgeAb(around(Math.log(1.25)), { p95: '+10%' });
    // exp(ln 1.25 − 0.096077) = 1.1355 > 1.10 (shown as 1.135)
    expect(j.state).toBe('fail');
    expect(j.metrics[0]).toMatchObject({ metric: 'p95', call: 'regression', limit: 1.1 });
    expect(j.metrics[0].lower).toBeCloseTo(1.25 * Math.exp(-HALF), 4);
    expect(j.metrics[0].reason).toBe('the whole interval [1.135, 1.376] is above 1.100');
  });

  test('an interval straddling 1 + tolerance is inconclusive and says which bound crossed it', () => {
    const j = judgeAb(around(Math.log(1.15)), { p95: '+10%' });
    expect(j.state).toBe('inconclusive');
    expect(j.metrics[0].reason).toBe(
      'the upper bound 1.266 is above 1.100, the lower bound 1.045 is not',
    );
  });

  test('no change: the whole interval below 1 + tolerance passes, within tolerance', () => {
    const j = judgeAb(around(0), { p95: '+25%' });
    expect(j.state).toBe('pass');
    expect(j.metrics[0]).toMatchObject({
      call: 'within tolerance',
      reason: 'the whole interval [0.908, 1.101] is below 1.250',
    });
  });

  test('a speed-up whose whole interval is below 1 − tolerance is reported as an improvement', () => {
    const j = judgeAb(around(Math.log(0.7)), { p99: '+10%' });
    expect(j.metrics[0]).toMatchObject({ metric: 'p99', state: 'pass', call: 'improvement' });
  });

  test('every percentile key of the tolerance syntax reads its own figure', () => {
    const ab = abResult([
      [side(100), side(125)],
      [side(100), side(125)],
      [side(100), side(125)],
    ]);
    ab.rounds.forEach((r) => (r.candidate.p999Ms = r.baseline.p999Ms)); // only p999 unchanged
    const j = judgeAb(ab, { p75: '+10%', p90: '+10%', p999: '+10%' });
    expect(j.metrics.map((m) => [m.metric, m.call])).toEqual([
      ['p75', 'regression'],
      ['p90', 'regression'],
      ['p999', 'within tolerance'],
    ]);
  });

  test('a round without successful responses on one side is nothing to judge and fails', () => {
    const ab = abResult([
      [side(100), side(100)],
      [side(100), side(null)],
    ]);
    const j = judgeAb(ab, { p95: '+10%' });
    expect(j.state).toBe('fail');
    expect(j.metrics[0]).toMatchObject({
      call: 'nothing to judge',
      reason: 'round 2: the candidate has no p95 (0 successful responses)',
    });
  });
});

describe('judgeAb: throughput and error rate', () => {
  test('throughput regresses downwards: the whole interval below 1 − tolerance', () => {
    const ab = abResult(
      [0.75, 0.8, 0.78, 0.77].map((r) => [side(100, { rps: 1000 }), side(100, { rps: 1000 * r })]),
    );
    expect(judgeAb(ab, { throughput: '-10%' }).metrics[0]).toMatchObject({
      call: 'regression',
      state: 'fail',
      limit: 0.9,
    });
    const same = abResult(
      [1.02, 0.99, 1.0, 1.01].map((r) => [side(100, { rps: 1000 }), side(100, { rps: 1000 * r })]),
    );
    expect(judgeAb(same, { throughput: '-10%' }).metrics[0]).toMatchObject({
      call: 'within tolerance',
      state: 'pass',
    });
    // '-0%' (limit 1) is still a throughput tolerance: lower is worse.
    expect(judgeAb(ab, { throughput: '-0%' }).metrics[0]).toMatchObject({
      call: 'regression',
      limit: 1,
    });
    const straddling = abResult(
      [0.8, 0.95, 0.88, 0.92].map((r) => [side(100, { rps: 1000 }), side(100, { rps: 1000 * r })]),
    );
    expect(judgeAb(straddling, { throughput: '-10%' }).metrics[0]).toMatchObject({
      call: 'inconclusive',
      state: 'inconclusive',
    });
    expect(judgeAb(straddling, { throughput: '-10%' }).metrics[0].reason).toMatch(
      /^the lower bound 0\.\d+ is below 0\.900, the upper bound 0\.\d+ is not$/,
    );
  });

  test('error rates: Newcombe interval of the pooled difference (56/70 vs 48/80 → +5.24pp..+33.39pp, 0.975)', () => {
    // Newcombe (1998), Table II, method 10. Rounds pool: baseline 48 failed of 80, candidate 56 of 70.
    const ab = abResult([
      [side(100, { failed: 24, finished: 40 }), side(100, { failed: 28, finished: 35 })],
      [side(100, { failed: 24, finished: 40 }), side(100, { failed: 28, finished: 35 })],
    ]);
    const m = judgeAb(ab, { errorRate: '+5pp' }, 0.975).metrics[0];
    expect(m.estimate).toBeCloseTo(0.2, 10);
    expect(m.lower).toBeCloseTo(0.0524, 4);
    expect(m.upper).toBeCloseTo(0.3339, 4);
    expect(m).toMatchObject({ call: 'regression', limit: 0.05 });
    expect(judgeAb(ab, { errorRate: '+10pp' }, 0.975).metrics[0].call).toBe('inconclusive');
  });

  test('no errors on either side passes a +0.5pp tolerance with enough requests', () => {
    const ab = abResult([
      [side(100, { finished: 2000 }), side(100, { finished: 2000 })],
      [side(100, { finished: 2000 }), side(100, { finished: 2000 })],
    ]);
    expect(judgeAb(ab, { errorRate: '+0.5pp' }).metrics[0]).toMatchObject({
      state: 'pass',
      estimate: 0,
    });
  });

  test('the worst metric decides: fail over inconclusive over pass', () => {
    const j = judgeAb(around(Math.log(1.15)), { p95: '+10%', p50: '+50%', throughput: '-10%' });
    expect(j.metrics.map((m) => m.state)).toEqual(['inconclusive', 'pass', 'pass']);
    expect(j.state).toBe('inconclusive');
  });
});

describe('judgeAb: bad tolerances are coded errors (the syntax of toMatchPerfBaseline)', () => {
  const ab = around(0);
  test.each([
    [
      { P95: '+10%' },
      'ERR_STRESS_UNKNOWN_OPTION',
      new RegExp(
        String.raw`unknown option "P95" in toShowNoRegression tolerances \(known: p50, p75, ` +
          String.raw`p90, p95, p99, p999, errorRate, throughput\); did you mean "p95"\?`,
      ),
    ],
    [
      { p95: '-10%' },
      'ERR_STRESS_INVALID_OPTION',
      /"toShowNoRegression.p95": got "-10%", expected a string like '\+10%'/,
    ],
    [{ p95: 10 }, 'ERR_STRESS_INVALID_OPTION', /"toShowNoRegression.p95": got 10/],
    [
      { throughput: '+10%' },
      'ERR_STRESS_INVALID_OPTION',
      /"toShowNoRegression.throughput": got "\+10%", expected a string like '-10%'/,
    ],
    [
      { errorRate: '+1%' },
      'ERR_STRESS_INVALID_OPTION',
      /"toShowNoRegression.errorRate": got "\+1%", expected a string like '\+10pp' \(percentage points\)/,
    ],
    [
      {},
      'ERR_STRESS_INVALID_OPTION',
      /at least one of p50, p75, p90, p95, p99, p999, errorRate, throughput/,
    ],
  ])('%j → %s', (tolerances, code, message) => {
    expect(() => judgeAb(ab, tolerances as never)).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message) }),
    );
  });

  test('confidence outside (0, 1) is a coded error', () => {
    expect(() => judgeAb(ab, { p95: '+10%' }, 1)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'confidence' }),
    );
  });
});
