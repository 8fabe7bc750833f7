import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialPmf, logGamma } from '../../src/trust/binomial.js';
import { normalCdf, normalQuantile } from '../../src/trust/normal.js';

describe('binomial', () => {
  it('ln Γ matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('pmf and cdf match hand-computed values', () => {
    // C(20,5) / 2^20 = 15504 / 1048576
    expect(binomialPmf(5, 20, 0.5)).toBeCloseTo(15504 / 1048576, 12);
    // (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20
    expect(binomialCdf(5, 20, 0.5)).toBeCloseTo(21700 / 1048576, 12);
    // P(B <= 58) for n = 59, p = 0.95 is 1 - 0.95^59
    expect(binomialCdf(58, 59, 0.95)).toBeCloseTo(1 - 0.95 ** 59, 12);
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
  });

  it('uses the normal approximation above 10 000 samples', () => {
    // n = 20 000, p = 0.5: P(B <= 10 000) = Φ(0.5 / 70.71)
    expect(binomialCdf(10_000, 20_000, 0.5)).toBeCloseTo(normalCdf(0.5 / Math.sqrt(5000)), 6);
  });
});

describe('normal quantile', () => {
  it('match tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });
});
