import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeRun, linearRun } from '../helpers/fake-run.js';

const run = linearRun(1000); // latencies 1..1000 ms over 30 s: p95 ≈ 950 ms, 95% bounds ≈ [939, 961] ms
const few = linearRun(26);
// 3 failures in 100 finished requests
const flaky = fakeRun(
  Array.from({ length: 100 }, (_, i) =>
    i % 33 === 5 ? { latencyMs: 5, status: 500 } : { latencyMs: 5 },
  ),
);
const confident = { confidence: 0.95 } as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('.toHaveP95Below with { confidence }', () => {
  test('passes when the upper bound is below the threshold', () => {
    expect(run).toHaveP95Below(1000, confident);
  });

  test('fails when the lower bound is at or above it, with the interval in the message', () => {
    expect(() => expect(run).toHaveP95Below(900, confident)).toThrow(
      new RegExp(
        String.raw`^expected p95 below 900 ms at 95% confidence: fail — p95 950\.3 ms, 95% ` +
          String.raw`bounds \[93\d(\.\d)? ms, 96\d(\.\d)? ms\] \(exact-binomial\) \(n=1000`,
      ),
    );
  });

  test('an interval straddling the threshold is inconclusive and does not fail the test', ({
    task,
  }) => {
    expect(run).toHaveP95Below(955, confident);
    expect(task.meta.vitestStress?.verdicts).toMatchObject([
      {
        matcher: 'toHaveP95Below',
        state: 'inconclusive',
        pass: false,
        interval: { confidence: 0.95, method: 'exact-binomial' },
      },
    ]);
    expect(task.meta.vitestStress?.verdicts[0]?.reason).toMatch(
      /^95% bounds \[.*\] straddle 955 ms$/,
    );
  });

  test("inconclusive fails with inconclusive: 'fail'", () => {
    expect(() =>
      expect(run).toHaveP95Below(955, { confidence: 0.95, inconclusive: 'fail' }),
    ).toThrow('at 95% confidence: inconclusive (95% bounds');
  });

  test('inconclusive fails with STRESS_INCONCLUSIVE=fail, and the option overrides it', () => {
    vi.stubEnv('STRESS_INCONCLUSIVE', 'fail');
    expect(() => expect(run).toHaveP95Below(955, confident)).toThrow(/inconclusive/);
    expect(run).toHaveP95Below(955, { confidence: 0.95, inconclusive: 'pass' });
  });

  test('too few samples: inconclusive, saying how many the percentile needs', ({ task }) => {
    expect(few).toHaveP95Below(2000, confident);
    expect(task.meta.vitestStress?.verdicts[0]?.reason).toBe(
      'p95 at 95% confidence needs at least 59 successful responses, this run had 26',
    );
  });

  test('too few samples all above the threshold still fail (the lower bound exists)', () => {
    expect(() => expect(few).toHaveP95Below(1, confident)).toThrow('at 95% confidence: fail');
  });

  test('without confidence the verdict is the point estimate, as before', ({ task }) => {
    expect(run).toHaveP95Below(955);
    expect(task.meta.vitestStress?.verdicts[0]?.state).toBeUndefined();
  });

  test('bad options fail the match with what is allowed', () => {
    expect(() => expect(run).toHaveP95Below(1000, { confidence: 95 })).toThrow(
      'toHaveP95Below: confidence must be a number in (0.5, 1) such as 0.95, received number 95',
    );
    expect(() => expect(run).toHaveP95Below(1000, { confidence: 0.95, level: 1 } as never)).toThrow(
      'toHaveP95Below: unknown option "level"; the options are confidence and inconclusive',
    );
    expect(() =>
      expect(run).toHaveP95Below(1000, { confidence: 0.95, inconclusive: 'skip' } as never),
    ).toThrow("inconclusive must be 'pass' or 'fail'");
    vi.stubEnv('STRESS_INCONCLUSIVE', 'maybe');
    expect(() => expect(run).toHaveP95Below(1000, confident)).toThrow(
      `invalid option "STRESS_INCONCLUSIVE": got "maybe", expected 'pass' or 'fail'`,
    );
  });
});

describe('.not with { confidence }', () => {
  test('passes when the lower bound is at or above the threshold; inconclusive stays inconclusive', ({
    task,
  }) => {
    expect(run).not.toHaveP95Below(900, confident);
    expect(run).not.toHaveP95Below(955, confident);
    expect(task.meta.vitestStress?.verdicts.map((v) => v.state)).toEqual(['pass', 'inconclusive']);
  });

  test('fails when the upper bound is below it', () => {
    expect(() => expect(run).not.toHaveP95Below(1000, confident)).toThrow(
      'expected p95 not below 1000 ms at 95% confidence: fail',
    );
  });
});

describe('rate and throughput matchers with { confidence }', () => {
  test('error rate: Wilson bounds of 3/100 at z = 1.645 are [1.21%, 7.27%] (by hand)', ({
    task,
  }) => {
    expect(flaky).toHaveErrorRateBelow(0.1, confident);
    expect(flaky).toHaveErrorRateBelow(0.05, confident);
    expect(() => expect(flaky).toHaveErrorRateBelow(0.01, confident)).toThrow(
      'at 95% confidence: fail',
    );
    expect(task.meta.vitestStress?.verdicts.map((v) => v.state)).toEqual([
      'pass',
      'inconclusive',
      'fail',
    ]);
    const [low, high] = [
      task.meta.vitestStress!.verdicts[0]!.interval!.low!,
      task.meta.vitestStress!.verdicts[0]!.interval!.high!,
    ];
    expect(low).toBeCloseTo(0.0121, 3);
    expect(high).toBeCloseTo(0.0727, 3);
  });

  test('success rate uses the same interval on ok / finished', ({ task }) => {
    expect(flaky).toHaveSuccessRateAbove(0.9, confident);
    expect(task.meta.vitestStress?.verdicts[0]).toMatchObject({
      state: 'pass',
      interval: { method: 'wilson' },
    });
  });

  test('throughput: t interval of the whole seconds', ({ task }) => {
    expect(run).toHaveThroughputAbove(20, confident);
    expect(() => expect(run).toHaveThroughputAbove(50, confident)).toThrow(
      'at 95% confidence: fail',
    );
    expect(task.meta.vitestStress?.verdicts[0]?.interval?.method).toBe('t-per-second');
  });

  test('throughput of a run shorter than 3 whole seconds is inconclusive', ({ task }) => {
    const short = linearRun(100, { durationMs: 2000 });
    expect(short).toHaveThroughputAbove(1, confident);
    expect(task.meta.vitestStress?.verdicts[0]?.reason).toBe(
      'throughput with confidence needs at least 3 whole seconds of per-second counts, this run had 2',
    );
  });

  test('toHavePercentileBelow and p99 take the option too', ({ task }) => {
    expect(run).toHavePercentileBelow(99.9, 2000, confident);
    expect(run).toHaveP99Below(2000, confident);
    expect(task.meta.vitestStress?.verdicts.map((v) => v.state)).toEqual(['inconclusive', 'pass']);
  });
});
