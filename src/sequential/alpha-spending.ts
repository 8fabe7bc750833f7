import { normalCdf, normalQuantile } from '../trust/normal.js';

/**
 * Lan–DeMets spending function of O'Brien–Fleming type, one-sided: the error probability
 * α(t) = 2 − 2·Φ(z₁₋α/₂ / √t) allowed to be spent by information fraction t (0 < t ≤ 1).
 * α(1) = α; early looks get almost nothing, so a run is stopped early only on clear evidence.
 */
export function obrienFlemingSpent(fraction: number, alpha: number): number {
  if (fraction <= 0) return 0;
  const t = Math.min(1, fraction);
  if (t === 1) return alpha;
  const z = normalQuantile(1 - alpha / 2);
  return Math.min(alpha, Math.max(0, 2 - 2 * normalCdf(z / Math.sqrt(t))));
}

/**
 * The error probability one look may use: what the spending function allows by `fraction`
 * minus what earlier looks were allowed by `previousFraction`. Each look's bound is judged at
 * confidence 1 − (this), so by the union bound the chance of any wrong conclusive verdict over
 * all looks is at most α, however many looks there are (conservative: looks are correlated).
 */
export function lookAlpha(previousFraction: number, fraction: number, alpha: number): number {
  return Math.max(
    0,
    obrienFlemingSpent(fraction, alpha) - obrienFlemingSpent(previousFraction, alpha),
  );
}

/** Below this a look's share of α is too small to judge with (the normal CDF's own error is 1.5e-7). */
export const MIN_LOOK_ALPHA = 1e-6;
