import { describe, expect, test } from 'vitest';
import { fakeRun, linearRun } from '../helpers/fake-run.js';

const run = linearRun(1000); // latencies 1..1000 ms

describe('.toHaveP50Below', () => {
  test('passes when the median is below the threshold', () => {
    expect(run).toHaveP50Below(600);
  });
  test('fails naming p50, the threshold and the figure', () => {
    expect(() => expect(run).toHaveP50Below(400)).toThrow(
      'expected p50 below 400 ms, got 500.2 ms (n=1000, 10 users, 31 s, 0% errors)',
    );
  });
  test('zero successful responses never pass', () => {
    expect(() => expect(fakeRun([{ latencyMs: 5, timeout: true }])).toHaveP50Below(1e6)).toThrow(
      /no successful responses to judge p50/,
    );
  });
  test('not a run result', () => {
    expect(() => expect(42).toHaveP50Below(1)).toThrow('received number 42');
  });
});

describe('.not.toHaveP50Below', () => {
  test('passes when the median is at or above the threshold', () => {
    expect(run).not.toHaveP50Below(400);
  });
  test('fails when the median is below', () => {
    expect(() => expect(run).not.toHaveP50Below(600)).toThrow(
      'expected p50 not below 600 ms, got 500.2 ms',
    );
  });
  test('zero samples fail with .not too', () => {
    expect(() => expect(fakeRun([])).not.toHaveP50Below(1)).toThrow(
      /no successful responses to judge p50/,
    );
  });
});
