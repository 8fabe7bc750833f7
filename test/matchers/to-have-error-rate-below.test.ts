import { describe, expect, test } from 'vitest';
import { fakeRun, type FakeRequest } from '../helpers/fake-run.js';

// 1000 requests: 990 ok, 5 HTTP 500, 3 network errors, 2 timeouts → 1% errors.
const requests: FakeRequest[] = [
  ...Array.from({ length: 990 }, () => ({ latencyMs: 10 })),
  ...Array.from({ length: 5 }, () => ({ latencyMs: 10, status: 500 })),
  ...Array.from({ length: 3 }, () => ({ latencyMs: 1, error: 'read ECONNRESET' })),
  ...Array.from({ length: 2 }, () => ({ latencyMs: 100, timeout: true })),
];
const run = fakeRun(requests);

describe('.toHaveErrorRateBelow', () => {
  test('counts HTTP errors, network errors and timeouts as failures', () => {
    expect(run.requests).toMatchObject({
      total: 1000,
      ok: 990,
      failed: 10,
      httpErrors: 5,
      errors: 3,
      timeouts: 2,
    });
    expect(run.errorRate).toBeCloseTo(0.01, 10);
  });
  test('passes when below', () => {
    expect(run).toHaveErrorRateBelow(0.02);
  });
  test('fails as a percentage', () => {
    expect(() => expect(run).toHaveErrorRateBelow(0.005)).toThrow(
      'expected error rate below 0.5%, got 1% (n=1000, 10 users, 30.1 s, 1% errors)',
    );
  });
  test('nothing finished never passes', () => {
    expect(() => expect(fakeRun([])).toHaveErrorRateBelow(0.5)).toThrow(
      'expected error rate below 50%, but no finished requests to judge the error rate (0 sent)',
    );
  });
  test('a fraction outside (0, 1] is refused', () => {
    expect(() => expect(run).toHaveErrorRateBelow(5)).toThrow(
      'toHaveErrorRateBelow: threshold must be a fraction in (0, 1] (0.01 = 1%), received 5',
    );
  });
  test('not a run result', () => {
    expect(() => expect('run').toHaveErrorRateBelow(0.1)).toThrow('received the string "run"');
  });
});

describe('.not.toHaveErrorRateBelow', () => {
  test('passes when at or above', () => {
    expect(run).not.toHaveErrorRateBelow(0.005);
  });
  test('fails when below', () => {
    expect(() => expect(run).not.toHaveErrorRateBelow(0.02)).toThrow(
      'expected error rate not below 2%, got 1%',
    );
  });
  test('nothing finished fails with .not too', () => {
    expect(() => expect(fakeRun([])).not.toHaveErrorRateBelow(0.5)).toThrow(/no finished requests/);
  });
});
