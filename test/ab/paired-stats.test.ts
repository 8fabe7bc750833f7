import { describe, expect, test } from 'vitest';
import { pairedLogRatioInterval } from '../../src/ab/paired-stats.js';
import { studentTCdf, studentTQuantile } from '../../src/trust/student-t.js';

describe('studentTQuantile', () => {
  // Printed t tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2), 5 decimals.
  test.each([
    [0.975, 1, 12.7062],
    [0.975, 3, 3.18245],
    [0.975, 5, 2.57058],
    [0.95, 5, 2.01505],
    [0.95, 10, 1.81246],
    [0.995, 3, 5.84091],
    [0.995, 19, 2.86093],
  ])('t(%s, df=%s) = %s', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 4);
  });

  test('is symmetric and inverts the CDF', () => {
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.57058, 4);
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 10);
  });

  test('refuses p outside (0, 1) and df < 1', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('pairedLogRatioInterval', () => {
  // d = ln(B/A) = 0.1, 0.2, 0.3, 0.2: mean 0.2, s = √(0.02/3) = 0.081650, s/√4 = 0.040825.
  const baseline = [10, 20, 40, 5];
  const candidate = baseline.map((a, i) => a * Math.exp([0.1, 0.2, 0.3, 0.2][i]));

  test('matches the hand-computed two-sided 95% interval (bounds one-sided at 0.975)', () => {
    // t(0.975, 3) = 3.182446; half width 0.129923; exp(0.2 ∓ 0.129923) = 1.072594, 1.390861.
    const iv = pairedLogRatioInterval(baseline, candidate, 0.975);
    expect(iv.ratio).toBeCloseTo(Math.exp(0.2), 10);
    expect(iv.lower).toBeCloseTo(1.072594, 5);
    expect(iv.upper).toBeCloseTo(1.390861, 5);
    expect(iv.pairs).toBe(4);
  });

  test('each bound is one-sided at confidence: 0.95 uses t(0.95, 3) = 2.353363', () => {
    const iv = pairedLogRatioInterval(baseline, candidate, 0.95);
    expect(iv.lower).toBeCloseTo(Math.exp(0.2 - 2.353363 * 0.040825), 5);
    expect(iv.upper).toBeCloseTo(Math.exp(0.2 + 2.353363 * 0.040825), 5);
  });

  test('only the ratio within a pair matters, not the level of each round', () => {
    const scaled = pairedLogRatioInterval(
      baseline.map((x) => x * 7),
      candidate.map((x) => x * 7),
      0.95,
    );
    const plain = pairedLogRatioInterval(baseline, candidate, 0.95);
    expect(scaled.lower).toBeCloseTo(plain.lower, 12);
    expect(scaled.upper).toBeCloseTo(plain.upper, 12);
  });

  test('refuses fewer than 2 pairs, unequal lengths and non-positive figures', () => {
    expect(() => pairedLogRatioInterval([1], [1])).toThrow(/at least 2 pairs/);
    expect(() => pairedLogRatioInterval([1, 2], [1])).toThrow(/same number/);
    expect(() => pairedLogRatioInterval([1, 0], [1, 2])).toThrow(/round 2/);
  });
});
