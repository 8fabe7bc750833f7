import { describe, expect, test } from 'vitest';
import type { CapacityResult, LevelSummary } from '../../src/capacity/capacity-types.js';

const level = (n: number, state: LevelSummary['state']) => ({ level: n, state }) as LevelSummary;

function capacity(patch: Partial<CapacityResult> = {}): CapacityResult {
  return {
    kind: 'vitest-stress/capacity',
    model: 'closed',
    unit: 'users',
    outcome: 'found',
    capacity: 40,
    firstFailing: 41,
    brokenLines: [
      {
        metric: 'p95',
        unit: 'ms',
        limit: 5000,
        observed: 6000,
        low: 5500,
        high: 6500,
        state: 'fail',
      },
    ],
    generatorBound: false,
    confidence: 0.95,
    resolution: 1,
    knee: 30,
    usl: 'n/a',
    attribution: {
      possible: true,
      limitedBy: [],
      generatorBound: false,
      text: 'pool_workers_busy 4 of 4 (saturated from 20)',
    },
    levels: [level(20, 'pass'), level(40, 'pass'), level(41, 'fail'), level(60, 'fail')],
    wallTimeMs: 1,
    warnings: [],
    ...patch,
  };
}

describe('.toSustainAtLeast', () => {
  test('passes at or below the capacity, with the breaking point in the message', () => {
    expect(capacity()).toSustainAtLeast(40, 'users');
    expect(() => expect(capacity()).toSustainAtLeast(50, 'users')).toThrow(
      'expected capacity at least 50 users: fail — breaking point: 40 users (95%: passes at ' +
        '40, fails at 41 on p95); limited by: pool_workers_busy 4 of 4 (saturated from 20)',
    );
  });
  test('inconclusive fails with and without .not', () => {
    const stopped = capacity({
      outcome: 'stopped',
      capacity: 20,
      firstFailing: null,
      levels: [level(20, 'pass')],
    });
    expect(() => expect(stopped).toSustainAtLeast(40, 'users')).toThrow(/inconclusive/);
    expect(() => expect(stopped).not.toSustainAtLeast(40, 'users')).toThrow(/inconclusive/);
  });
  test('bad input fails with a message', () => {
    expect(() => expect({}).toSustainAtLeast(40, 'users')).toThrow(
      /expected a findCapacity\(\) result/,
    );
    expect(() => expect(capacity()).toSustainAtLeast(40, 'rps')).toThrow(/unit must be 'users'/);
  });
});

describe('.not.toSustainAtLeast', () => {
  test('passes when a level at or below it failed conclusively', () => {
    expect(capacity()).not.toSustainAtLeast(45, 'users');
    expect(() => expect(capacity()).not.toSustainAtLeast(40, 'users')).toThrow(
      /not at least 40 users: fail/,
    );
  });
});
