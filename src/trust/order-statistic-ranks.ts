import { binomialPmf, EXACT_BINOMIAL_MAX_N } from './binomial.js';
import { normalQuantile } from './normal.js';

/**
 * Ranks (1-based, in the sorted sample) of a distribution-free confidence bound for the
 * p-quantile ξ of n iid samples. With B ~ Binomial(n, p):
 * - upper: the smallest u with P(B <= u-1) >= confidence, so P(ξ <= x(u)) >= confidence;
 * - lower: the largest l with P(B >= l) >= confidence, so P(x(l) <= ξ) >= confidence.
 * Each bound is one-sided at `confidence`. null when n is too small for that bound.
 */
export interface OrderStatisticRanks {
  lowRank: number | null;
  highRank: number | null;
  method: 'exact-binomial' | 'normal-approximation';
}

/** The smallest n for which an upper bound of the p-quantile exists: n >= ln(1-c) / ln(p). */
export function minSamplesForQuantile(p: number, confidence: number): number {
  if (p <= 0) return 1;
  if (p >= 1) return Infinity;
  const n = Math.log(1 - confidence) / Math.log(p);
  // Guard the float: 59.0000000001 must stay 59 when it is one in exact arithmetic.
  return Math.max(1, Math.ceil(n - 1e-9));
}

/** Ranks of the one-sided bounds of the p-quantile (0 < p < 1) from n samples at `confidence`. */
export function orderStatisticRanks(n: number, p: number, confidence: number): OrderStatisticRanks {
  if (n <= 0) return { lowRank: null, highRank: null, method: 'exact-binomial' };
  if (n > EXACT_BINOMIAL_MAX_N) return approximateRanks(n, p, confidence);
  let cumulative = 0;
  let lowRank: number | null = null;
  let highRank: number | null = null;
  for (let i = 0; i < n && highRank === null; i++) {
    cumulative += binomialPmf(i, n, p);
    // cumulative = P(B <= i) = 1 - P(B >= i+1): x(i+1) is a lower bound while it is <= 1 - c.
    if (cumulative <= 1 - confidence) lowRank = i + 1;
    if (cumulative >= confidence) highRank = i + 1;
  }
  return { lowRank, highRank, method: 'exact-binomial' };
}

function approximateRanks(n: number, p: number, confidence: number): OrderStatisticRanks {
  const z = normalQuantile(confidence);
  const sd = Math.sqrt(n * p * (1 - p));
  const high = Math.ceil(n * p + z * sd + 0.5);
  const low = Math.floor(n * p - z * sd + 0.5);
  return {
    lowRank: low >= 1 ? low : null,
    highRank: high <= n ? high : null,
    method: 'normal-approximation',
  };
}
