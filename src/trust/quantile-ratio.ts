import type { SparseHistogram } from './histogram-ranks.js';
import { orderStatisticRanks } from './order-statistic-ranks.js';

/** An interval of q-quantile(current) / q-quantile(baseline); each bound one-sided at `confidence`. */
export interface QuantileRatioInterval {
  estimate: number;
  low: number;
  high: number;
  method: 'order-statistics-ratio';
}

/**
 * For runs too short for the block bootstrap (under 5 seconds with responses): the ratio of two
 * distribution-free quantile intervals. Each side's order-statistic bounds are taken at
 * 1 − (1 − confidence)/2 (Bonferroni), so low = current.low / baseline.high and
 * high = current.high / baseline.low hold together at `confidence`. It assumes independent
 * samples (no protection against bursts, which the block bootstrap has): hence only for short runs.
 * null when a side has too few samples for a bound.
 */
export function orderStatisticQuantileRatio(
  baseline: SparseHistogram[],
  current: SparseHistogram[],
  q: number,
  confidence: number,
): QuantileRatioInterval | null {
  const perSide = 1 - (1 - confidence) / 2;
  const before = sideBounds(merge(baseline), q, perSide);
  const now = sideBounds(merge(current), q, perSide);
  if (before === null || now === null) return null;
  return {
    estimate: now.estimate / before.estimate,
    low: now.low / before.high,
    high: now.high / before.low,
    method: 'order-statistics-ratio',
  };
}

interface Merged {
  valuesUs: number[];
  counts: number[];
  total: number;
}

function merge(histograms: SparseHistogram[]): Merged {
  const byValue = new Map<number, number>();
  let total = 0;
  for (const h of histograms) {
    h.valuesUs.forEach((value, i) => byValue.set(value, (byValue.get(value) ?? 0) + h.counts[i]!));
    total += h.total;
  }
  const valuesUs = [...byValue.keys()].sort((a, b) => a - b);
  return { valuesUs, counts: valuesUs.map((v) => byValue.get(v)!), total };
}

function valueAtRank(m: Merged, rank: number): number {
  let cumulative = 0;
  for (let i = 0; i < m.valuesUs.length; i++) {
    cumulative += m.counts[i]!;
    if (cumulative >= rank) return m.valuesUs[i]!;
  }
  return m.valuesUs[m.valuesUs.length - 1]!;
}

function sideBounds(
  m: Merged,
  q: number,
  confidence: number,
): { estimate: number; low: number; high: number } | null {
  const { lowRank, highRank } = orderStatisticRanks(m.total, q, confidence);
  if (lowRank === null || highRank === null) return null;
  const estimate = valueAtRank(m, Math.max(1, Math.ceil(q * m.total)));
  const low = valueAtRank(m, lowRank);
  if (!(low > 0)) return null;
  return { estimate, low, high: valueAtRank(m, highRank) };
}
