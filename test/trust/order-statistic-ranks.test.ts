import { describe, expect, it } from 'vitest';
import {
  minSamplesForQuantile,
  orderStatisticRanks,
} from '../../src/trust/order-statistic-ranks.js';

describe('minSamplesForQuantile', () => {
  it('is ⌈ln(1−c)/ln p⌉: p95 needs 59, p99 299, p99.9 2995 at 95%', () => {
    expect(minSamplesForQuantile(0.95, 0.95)).toBe(59);
    expect(minSamplesForQuantile(0.99, 0.95)).toBe(299);
    expect(minSamplesForQuantile(0.999, 0.95)).toBe(2995);
    expect(minSamplesForQuantile(0.5, 0.95)).toBe(5);
  });
});

describe('orderStatisticRanks', () => {
  it('p95 at 95%: the maximum of 59 samples is the upper bound; 58 have none', () => {
    expect(orderStatisticRanks(59, 0.95, 0.95).highRank).toBe(59);
    expect(orderStatisticRanks(58, 0.95, 0.95).highRank).toBeNull();
  });

  it('median of 100 at 95%: ranks 42 and 59 (P(B<=41)=0.044, P(B<=58)=0.956)', () => {
    expect(orderStatisticRanks(100, 0.5, 0.95)).toEqual({
      lowRank: 42,
      highRank: 59,
      method: 'exact-binomial',
    });
  });

  it('has no lower bound when even the minimum is not one', () => {
    // P(B >= 1) = 1 − 0.5^4 = 0.9375 < 0.95
    expect(orderStatisticRanks(4, 0.5, 0.95).lowRank).toBeNull();
    expect(orderStatisticRanks(5, 0.5, 0.95).lowRank).toBe(1);
  });

  it('large n: np ± z·√(np(1−p)) with continuity correction', () => {
    // n = 20 000, p = 0.95: np = 19 000, sd = √950 = 30.82, z = 1.6449 → 19 000 ± 50.70
    expect(orderStatisticRanks(20_000, 0.95, 0.95)).toEqual({
      lowRank: 18_949,
      highRank: 19_052,
      method: 'normal-approximation',
    });
  });

  it('exact and approximate agree near the switch', () => {
    const exact = orderStatisticRanks(10_000, 0.95, 0.95);
    expect(exact.method).toBe('exact-binomial');
    // np ± z·sd = 9500 ± 35.85
    expect(Math.abs(exact.highRank! - 9536)).toBeLessThanOrEqual(1);
    expect(Math.abs(exact.lowRank! - 9465)).toBeLessThanOrEqual(1);
  });
});
