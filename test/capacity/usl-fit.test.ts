import { describe, expect, test } from 'vitest';
import { fitUsl, uslThroughput } from '../../src/capacity/usl-fit.js';

describe('fitUsl', () => {
  test('recovers known σ and κ from synthetic levels', () => {
    const users = [1, 5, 10, 20, 30, 40, 60, 80, 100];
    const rps = users.map((n) => uslThroughput(n, 50, 0.05, 0.0005));
    const fit = fitUsl(users, rps);
    if (typeof fit === 'string') throw new Error(fit);
    expect(fit.sigma).toBeCloseTo(0.05, 2);
    expect(fit.kappa).toBeCloseTo(0.0005, 4);
    expect(fit.peakUsers).toBeCloseTo(Math.sqrt(0.95 / 0.0005), 0);
    expect(fit.rSquared).toBeGreaterThan(0.999);
  });

  test('needs three distinct levels', () => {
    expect(fitUsl([10, 10, 20], [1, 1, 2])).toBe(
      'a USL fit needs at least 3 distinct levels, got 2',
    );
  });
});
