import { describe, expect, test } from 'vitest';
import { fakeRun, linearRun } from '../helpers/fake-run.js';

// 3000 requests of 1 ms over 30 s → 100 rps.
const run = fakeRun(
  Array.from({ length: 3000 }, () => ({ latencyMs: 1 })),
  { durationMs: 30_000 },
);

describe('.toHaveThroughputAbove', () => {
  test('throughput is finished requests per second', () => {
    expect(run.throughput).toBeCloseTo(100, 0);
  });
  test('passes when above', () => {
    expect(run).toHaveThroughputAbove(90);
  });
  test('fails naming rps', () => {
    expect(() => expect(run).toHaveThroughputAbove(150)).toThrow(
      /^expected throughput above 150 rps, got 100 rps \(n=3000, 10 users, 30 s, 0% errors\)$/,
    );
  });
  test('nothing finished never passes, even a zero threshold', () => {
    expect(() => expect(fakeRun([])).toHaveThroughputAbove(0)).toThrow(
      /no finished requests to judge throughput/,
    );
  });
  test('bad threshold', () => {
    expect(() => expect(linearRun(10)).toHaveThroughputAbove(-5)).toThrow(
      'threshold must be a rate in requests per second >= 0, received -5',
    );
  });
});

describe('.not.toHaveThroughputAbove', () => {
  test('passes when at or below', () => {
    expect(run).not.toHaveThroughputAbove(150);
  });
  test('fails when above', () => {
    expect(() => expect(run).not.toHaveThroughputAbove(90)).toThrow(
      'expected throughput not above 90 rps, got 100 rps',
    );
  });
});
