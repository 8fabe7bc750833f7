import { describe, expect, test } from 'vitest';
import { fakeRun, linearRun } from '../helpers/fake-run.js';

const run = linearRun(1000); // latencies 1..1000 ms: p95 ≈ 950 ms

describe('.toHaveP95Below', () => {
  test('passes when p95 is below the threshold', () => {
    expect(run).toHaveP95Below(1000);
  });

  test('fails with the figure, the threshold and the run context', () => {
    expect(() => expect(run).toHaveP95Below(900)).toThrow(
      'expected p95 below 900 ms, got 950.3 ms (n=1000, 10 users, 31 s, 0% errors)',
    );
  });

  test('fails at exactly the threshold: below means strictly below', () => {
    expect(() => expect(run).toHaveP95Below(run.latency.p95!)).toThrow(/expected p95 below/);
  });

  test('zero successful responses never pass', () => {
    const down = fakeRun([
      { latencyMs: 1, error: 'connect ECONNREFUSED' },
      { latencyMs: 1, status: 503 },
    ]);
    expect(() => expect(down).toHaveP95Below(1e9)).toThrow(
      'expected p95 below 1000000000 ms, but no successful responses to judge p95 (n=0, 10 users, 30 s, 100% errors)',
    );
  });

  test('a value that is not a run result fails saying what was received', () => {
    expect(() => expect({ p95: 3 }).toHaveP95Below(10)).toThrow(
      'toHaveP95Below: expected a vitest-stress run result (from load() or measure()), ' +
        'received an object with keys p95',
    );
    expect(() => expect(Promise.resolve(run)).toHaveP95Below(10)).toThrow(/did you forget await/);
  });

  test('a threshold that is not a positive number fails the match', () => {
    expect(() => expect(run).toHaveP95Below('2s' as unknown as number)).toThrow(
      'toHaveP95Below: threshold must be a finite number, received the string "2s"',
    );
    expect(() => expect(run).toHaveP95Below(-1)).toThrow(
      'toHaveP95Below: threshold must be a latency in ms > 0, received -1',
    );
  });

  test('records its verdict in the test meta', ({ task }) => {
    expect(run).toHaveP95Below(1000);
    const verdicts = task.meta.vitestStress?.verdicts ?? [];
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({
      matcher: 'toHaveP95Below',
      metric: 'p95',
      unit: 'ms',
      threshold: 1000,
      observed: 950.271,
      pass: true,
      negated: false,
    });
  });
});

describe('.not.toHaveP95Below', () => {
  test('passes when p95 is at or above the threshold', () => {
    expect(run).not.toHaveP95Below(900);
  });

  test('fails when p95 is below the threshold', () => {
    expect(() => expect(run).not.toHaveP95Below(1000)).toThrow(
      'expected p95 not below 1000 ms, got 950.3 ms (n=1000, 10 users, 31 s, 0% errors)',
    );
  });

  test('zero samples and bad input fail with .not too', () => {
    const empty = fakeRun([]);
    expect(() => expect(empty).not.toHaveP95Below(10)).toThrow(
      /no successful responses to judge p95/,
    );
    expect(() => expect(undefined).not.toHaveP95Below(10)).toThrow(/received undefined/);
  });
});
