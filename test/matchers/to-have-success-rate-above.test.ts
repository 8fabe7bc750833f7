import { describe, expect, test } from 'vitest';
import { fakeRun, type FakeRequest } from '../helpers/fake-run.js';

// 100 requests: 85 ok, 10 timeouts, 5 resets → 85% success.
const requests: FakeRequest[] = [
  ...Array.from({ length: 85 }, () => ({ latencyMs: 20 })),
  ...Array.from({ length: 10 }, () => ({ latencyMs: 1000, timeout: true })),
  ...Array.from({ length: 5 }, () => ({ latencyMs: 2, error: 'socket hang up' })),
];
const run = fakeRun(requests, { users: 20 });

describe('.toHaveSuccessRateAbove', () => {
  test('passes when above', () => {
    expect(run).toHaveSuccessRateAbove(0.8);
  });
  test('fails as a percentage', () => {
    expect(() => expect(run).toHaveSuccessRateAbove(0.9)).toThrow(
      'expected success rate above 90%, got 85% (n=100, 20 users, 30 s, 15% errors)',
    );
  });
  test('nothing finished never passes', () => {
    expect(() => expect(fakeRun([])).toHaveSuccessRateAbove(0)).toThrow(
      /no finished requests to judge the success rate/,
    );
  });
  test('a fraction outside [0, 1) is refused', () => {
    expect(() => expect(run).toHaveSuccessRateAbove(80)).toThrow(
      'threshold must be a fraction in [0, 1) (0.8 = 80%), received 80',
    );
  });
});

describe('.not.toHaveSuccessRateAbove', () => {
  test('passes when at or below', () => {
    expect(run).not.toHaveSuccessRateAbove(0.9);
  });
  test('fails when above', () => {
    expect(() => expect(run).not.toHaveSuccessRateAbove(0.8)).toThrow(
      'expected success rate not above 80%, got 85%',
    );
  });
});
