import { afterEach, describe, expect, test, vi } from 'vitest';
import { abResult, roundsWithLogRatios, side } from '../ab/ab-fixtures.js';

// d = ln(B/A) = m + (−0.1, 0, +0.1, 0): see test/ab/judge-ab.test.ts for the hand computation.
const around = (m: number) => roundsWithLogRatios([m - 0.1, m, m + 0.1, m]);
const slower = around(Math.log(1.25)); // interval [1.135, 1.376]: regression against +10%
const straddling = around(Math.log(1.15)); // [1.045, 1.266]: inconclusive against +10%
const unchanged = around(0); // [0.908, 1.101]: within +25%

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('.toShowNoRegression', () => {
  test('passes when every interval lies below the tolerance', () => {
    expect(unchanged).toShowNoRegression({ p95: '+25%' });
  });

  test('fails on a regression with the interval, the tolerance and the per-round figures', () => {
    expect(() => expect(slower).toShowNoRegression({ p95: '+10%', errorRate: '+0.5pp' })).toThrow(
      [
        'expected no regression of http://127.0.0.1:2/ against http://127.0.0.1:1/: fail (4 ' +
          'paired rounds in ABBA order, bounds at 0.95 confidence each)',
        '  p95 ratio 1.250 [1.135, 1.376] vs +10%: regression — the whole interval [1.135, 1.376] is above 1.100',
        // Wilson upper bound of 0/4000 at z = 1.645: z² / (n + z²) = 0.068%.
        '  errorRate difference +0.00pp [-0.07pp, +0.07pp] vs +0.5pp: within tolerance — the ' +
          'whole interval [-0.07pp, +0.07pp] is below +0.50pp',
        'per round (baseline/candidate):',
        '  round 1 AB: p50 50/56.6 ms, p95 100/113.1 ms, p99 150/169.7 ms, errors 0%/0%, 500/500 rps, n 1000/1000',
        '  round 2 BA: p50 50/62.5 ms, p95 100/125 ms, p99 150/187.5 ms, errors 0%/0%, 500/500 rps, n 1000/1000',
        '  round 3 AB: p50 50/69.1 ms, p95 100/138.1 ms, p99 150/207.2 ms, errors 0%/0%, 500/500 rps, n 1000/1000',
        '  round 4 BA: p50 50/62.5 ms, p95 100/125 ms, p99 150/187.5 ms, errors 0%/0%, 500/500 rps, n 1000/1000',
      ].join('\n'),
    );
  });

  test('inconclusive passes by default and fails with inconclusive: "fail" or STRESS_INCONCLUSIVE=fail', () => {
    expect(straddling).toShowNoRegression({ p95: '+10%' });
    expect(() =>
      expect(straddling).toShowNoRegression({ p95: '+10%' }, { inconclusive: 'fail' }),
    ).toThrow(
      new RegExp(
        String.raw`: inconclusive \(4 paired rounds[^\n]*\n {2}p95 ratio 1\.150 \[1\.045, 1` +
          String.raw`\.266\] vs \+10%: inconclusive — the upper bound 1\.266 is above 1\.100, ` +
          String.raw`the lower bound 1\.045 is not`,
      ),
    );
    vi.stubEnv('STRESS_INCONCLUSIVE', 'fail');
    expect(() => expect(straddling).toShowNoRegression({ p95: '+10%' })).toThrow(
      /vs \+10%: inconclusive/,
    );
    expect(straddling).toShowNoRegression({ p95: '+10%' }, { inconclusive: 'pass' });
  });

  test('the default tolerance is p95 +10%', () => {
    expect(() => expect(slower).toShowNoRegression()).toThrow(
      /p95 ratio 1\.250 \[1\.135, 1\.376\] vs \+10%: regression/,
    );
  });

  test('bad input fails the match with a coded message instead of throwing', () => {
    expect(() => expect({ rounds: [] }).toShowNoRegression()).toThrow(
      'toShowNoRegression: expected a compareTargets() result, received an object with keys rounds',
    );
    expect(() => expect(slower).toShowNoRegression({ p95: '10%' })).toThrow(
      `toShowNoRegression: invalid option "toShowNoRegression.p95": got "10%", expected a string like '+10%'`,
    );
    expect(() => expect(slower).toShowNoRegression({ latency: '+10%' } as never)).toThrow(
      'toShowNoRegression: unknown option "latency" in toShowNoRegression tolerances (known: ' +
        'p50, p75, p90, p95, p99, p999, errorRate, throughput)',
    );
    expect(() =>
      expect(slower).toShowNoRegression({ p95: '+10%' }, { inconclusive: 'warn' as never }),
    ).toThrow(
      `toShowNoRegression: inconclusive must be 'pass' or 'fail', received the string "warn"`,
    );
  });

  test('a round without successful responses never passes, also with .not', () => {
    const down = abResult([
      [side(100), side(null)],
      [side(100), side(null)],
    ]);
    expect(() => expect(down).toShowNoRegression({ p95: '+10%' })).toThrow(
      /p95: nothing to judge — round 1: the candidate has no p95 \(0 successful responses\)/,
    );
    expect(() => expect(down).not.toShowNoRegression({ p95: '+10%' })).toThrow(/nothing to judge/);
  });

  test('records one verdict per metric with state, interval and reason', ({ task }) => {
    expect({ ...straddling, name: 'checkout' }).toShowNoRegression({ p95: '+10%', p50: '+50%' });
    const verdicts = task.meta.vitestStress?.verdicts ?? [];
    expect(verdicts.map((v) => [v.metric, v.state, v.pass])).toEqual([
      ['p95', 'inconclusive', true],
      ['p50', 'pass', true],
    ]);
    expect(verdicts[0]).toMatchObject({
      matcher: 'toShowNoRegression',
      unit: 'ratio',
      threshold: '+10%',
      negated: false,
      subject: 'checkout',
      reason: 'the upper bound 1.266 is above 1.100, the lower bound 1.045 is not',
      interval: { confidence: 0.95, method: 'paired-t-log-ratio' },
    });
    expect(verdicts[0].observed).toBeCloseTo(1.15, 10);
    expect(verdicts[0].interval?.low).toBeCloseTo(1.045, 3);
  });
});

describe('.not.toShowNoRegression', () => {
  test('passes when a regression is shown', () => {
    expect(slower).not.toShowNoRegression({ p95: '+10%' });
  });

  test('fails when none is shown', () => {
    expect(() => expect(unchanged).not.toShowNoRegression({ p95: '+25%' })).toThrow(
      /^expected a regression of http:\/\/127\.0\.0\.1:2\/ against http:\/\/127\.0\.0\.1:1\/: pass/,
    );
  });
});
