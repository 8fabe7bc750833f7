import { describe, expect, test } from 'vitest';
import { fakeRun } from '../helpers/fake-run.js';
import { fakeChaosRun, times } from '../chaos/helpers/fake-faults.js';

// 100 requests: 80 ok, 5 slowed but ok, 10 held (client timeouts), 5 reset → 85% success.
const run = fakeChaosRun([
  ...times(80, { latencyMs: 20 }),
  ...times(5, { latencyMs: 900, fault: 'latency' }),
  ...times(10, { latencyMs: 1000, timeout: true, fault: 'timeout' }),
  ...times(5, { latencyMs: 2, error: 'read ECONNRESET', fault: 'reset' }),
]);
const breakdown =
  'failure breakdown: timeouts 10, network errors 5, slow responses 5, server errors 0, ' +
  'client errors 0; injected: timeout 10, latency 5, reset 5; not explained by an injected ' +
  'fault: none; join exact';

describe('.toBeResilient', () => {
  test('passes at or above minSuccessRate (default 80%)', () => {
    expect(run).toBeResilient();
    expect(run).toBeResilient({ minSuccessRate: 0.85 });
  });

  test('fails listing the failure breakdown', () => {
    expect(() => expect(run).toBeResilient({ minSuccessRate: 0.9 })).toThrow(
      'expected the run to be resilient (success rate at least 90%), got 85% (n=100, 20 ' +
        `users, 30 s, 15% errors; ${breakdown})`,
    );
  });

  test('without a faults section, the client-side counts and a hint', () => {
    const plain = fakeRun([
      ...times(7, { latencyMs: 5 }),
      { latencyMs: 5, status: 503 },
      { latencyMs: 5, timeout: true },
      { latencyMs: 5, error: 'x' },
    ]);
    expect(() => expect(plain).toBeResilient({ minSuccessRate: 0.9 })).toThrow(
      'got 70% (n=10, 10 users, 30 s, 30% errors; failure breakdown: timeouts 1, network ' +
        'errors 1, HTTP errors 1, status 503×1 (no faults section: add one with ' +
        'withFaults(result, proxy)))',
    );
  });

  test('zero finished requests never pass', () => {
    expect(() => expect(fakeRun([])).toBeResilient()).toThrow(
      /no requests finished to judge \(0 sent;/,
    );
    expect(() => expect(fakeRun([])).not.toBeResilient()).toThrow(/no requests finished to judge/);
  });

  test('a value that is not a run result fails saying what was received', () => {
    expect(() => expect({ ok: 1 }).toBeResilient()).toThrow(
      'toBeResilient: expected a vitest-stress run result (from load() or measure()), received an object with keys ok',
    );
    expect(() => expect(undefined).not.toBeResilient()).toThrow('received undefined');
  });

  test('a bad option fails the match', () => {
    expect(() => expect(run).toBeResilient({ minSuccessRate: 80 })).toThrow(
      'toBeResilient: minSuccessRate must be a fraction in [0, 1] (0.8 = 80%), received number 80',
    );
    expect(() => expect(run).toBeResilient({ minSuccess: 0.8 } as never)).toThrow(
      'toBeResilient: unknown option "minSuccess"; the options are minSuccessRate, confidence, inconclusive',
    );
  });

  test('records its verdict in the test meta', ({ task }) => {
    expect(run).toBeResilient();
    expect(task.meta.vitestStress?.verdicts).toMatchObject([
      {
        matcher: 'toBeResilient',
        metric: 'success rate',
        unit: 'fraction',
        threshold: 0.8,
        observed: 0.85,
        pass: true,
        negated: false,
      },
    ]);
  });
});

describe('.not.toBeResilient', () => {
  test('passes below minSuccessRate', () => {
    expect(run).not.toBeResilient({ minSuccessRate: 0.9 });
  });

  test('fails at or above it, with the breakdown', () => {
    expect(() => expect(run).not.toBeResilient()).toThrow(
      'expected the run not to be resilient (success rate at least 80%), got 85% (n=100, 20 ' +
        `users, 30 s, 15% errors; ${breakdown})`,
    );
  });

  test('records a negated verdict', ({ task }) => {
    expect(run).not.toBeResilient({ minSuccessRate: 0.9 });
    expect(task.meta.vitestStress?.verdicts).toMatchObject([
      { matcher: 'toBeResilient', pass: true, negated: true },
    ]);
  });
});

describe('.toBeResilient with confidence', () => {
  // 85 ok of 100: one-sided 95% Wilson bounds [78.2%, 89.9%] (by hand: centre 0.8408 ± 0.0587)
  test('pass, inconclusive and fail from the Wilson bounds', ({ task }) => {
    expect(run).toBeResilient({ minSuccessRate: 0.75, confidence: 0.95 });
    expect(run).toBeResilient({ minSuccessRate: 0.8, confidence: 0.95 });
    expect(() => expect(run).toBeResilient({ minSuccessRate: 0.9, confidence: 0.95 })).toThrow(
      'expected the run to be resilient (success rate at least 90%) at 95% confidence: fail ' +
        '— success rate 85%, 95% bounds [78.2%, 89.9%] (wilson) (n=100, 20 users, 30 s, 15% ' +
        `errors; ${breakdown})`,
    );
    expect(task.meta.vitestStress?.verdicts.map((v) => v.state)).toEqual([
      'pass',
      'inconclusive',
      'fail',
    ]);
    expect(task.meta.vitestStress?.verdicts[1]?.reason).toBe(
      '95% bounds [78.2%, 89.9%] straddle 80%',
    );
  });

  test("inconclusive fails with inconclusive: 'fail'; bad confidence fails the match", () => {
    expect(() =>
      expect(run).toBeResilient({ minSuccessRate: 0.8, confidence: 0.95, inconclusive: 'fail' }),
    ).toThrow('at 95% confidence: inconclusive');
    expect(() => expect(run).toBeResilient({ confidence: 1.5 })).toThrow(
      'toBeResilient: confidence must be a number in (0.5, 1) such as 0.95, received number 1.5',
    );
  });
});
