import { describe, expect, test } from 'vitest';
import { fakeRun, linearRun } from '../helpers/fake-run.js';

const run = linearRun(1000);

describe('.toHaveP99Below', () => {
  test('passes when p99 is below the threshold', () => {
    expect(run).toHaveP99Below(995);
  });
  test('fails naming p99', () => {
    expect(() => expect(run).toHaveP99Below(980)).toThrow(
      'expected p99 below 980 ms, got 990.2 ms (n=1000, 10 users, 31 s, 0% errors)',
    );
  });
  test('failed responses do not count as latency samples', () => {
    const slowFailures = fakeRun([
      ...Array.from({ length: 99 }, () => ({ latencyMs: 10 })),
      { latencyMs: 9000, status: 500 },
    ]);
    expect(slowFailures).toHaveP99Below(11);
    expect(slowFailures.requests.httpErrors).toBe(1);
  });
  test('zero samples and bad input', () => {
    expect(() => expect(fakeRun([])).toHaveP99Below(1)).toThrow(
      /no successful responses to judge p99/,
    );
    expect(() => expect(null).toHaveP99Below(1)).toThrow(/received null/);
  });
});

describe('.not.toHaveP99Below', () => {
  test('passes when p99 is at or above', () => {
    expect(run).not.toHaveP99Below(980);
  });
  test('fails when p99 is below', () => {
    expect(() => expect(run).not.toHaveP99Below(995)).toThrow(
      'expected p99 not below 995 ms, got 990.2 ms',
    );
  });
});
