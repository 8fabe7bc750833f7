import { normalCdf } from './normal.js';

/** Above this n the binomial CDF uses the normal approximation (with continuity correction). */
export const EXACT_BINOMIAL_MAX_N = 10_000;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error ≈ 1e-15). */
export function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = g[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(B = k) for B ~ Binomial(n, p), computed in log space (no underflow of C(n,k)). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/**
 * P(B <= k) for B ~ Binomial(n, p). Exact (sum of the smaller tail) for n <= 10 000,
 * the normal approximation with continuity correction above.
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (n > EXACT_BINOMIAL_MAX_N) return normalCdf((k + 0.5 - n * p) / Math.sqrt(n * p * (1 - p)));
  // Summing the shorter side keeps the rounding error of the complement small.
  if (k < n * p) {
    let sum = 0;
    for (let i = 0; i <= k; i++) sum += binomialPmf(i, n, p);
    return Math.min(1, sum);
  }
  let upper = 0;
  for (let i = k + 1; i <= n; i++) upper += binomialPmf(i, n, p);
  return Math.max(0, 1 - upper);
}
