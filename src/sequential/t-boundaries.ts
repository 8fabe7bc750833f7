import { createRandom } from '../random/random.js';
import { studentTCdf, studentTQuantile } from '../trust/student-t.js';
import { lookAlpha, MIN_LOOK_ALPHA } from './alpha-spending.js';

/** One look of a group-sequential design for a t-statistic. */
export interface TLookBound {
  /** Observations (paired rounds) at this look. */
  n: number;
  /** The share of α this look may spend: α(n / nMax) − α(previous n / nMax), O'Brien–Fleming. */
  spentAlpha: number;
  /** Cross it (|T| > boundary) to decide at this look; Infinity: no decision possible here. */
  boundary: number;
  /**
   * The per-bound confidence of a t-interval with this boundary, F_t(boundary; n − 1); for a look
   * that cannot decide, 1 − its share of α (at most 1 − 1e-15).
   */
  confidence: number;
}

/** Simulated paths per design, and the seed of their standard normal draws. */
const PATHS = 40_000;
const SEED = 0x5eed;
/** Below this many simulated crossings a look keeps the union-bound boundary. */
const MIN_CROSSINGS = 25;

const cache = new Map<string, TLookBound[]>();

/**
 * Boundaries of a one-sample t-statistic T_k = (mean − μ₀) / (s / √n_k) judged at looks after
 * `looks` = [n₁ < n₂ < … < n_K] observations, α spent by the O'Brien–Fleming-type function over
 * n / n_K. Each boundary is set so that, for iid normal observations with mean μ₀ (any σ: T does
 * not depend on it), P(T crosses it at this look and at no earlier one) ≤ the look's share of α,
 * so P(T crosses at any look) ≤ α by construction — not by the union bound, which counts a path
 * that would cross at several looks once per look (with cumulative data most would), so its
 * late looks are much stricter than α needs. Computed by
 * simulating seeded paths (deterministic): the allowance is met with two Monte-Carlo standard
 * errors to spare, and no boundary is above the union bound's t(1 − share, n − 1), so no look is
 * stricter than before. One side only: paths that would have stopped at the opposite boundary
 * are kept, which can only overstate the crossings (conservative). Cached per design.
 */
export function tLookBounds(looks: readonly number[], alpha: number): TLookBound[] {
  const key = `${looks.join(',')}|${alpha}`;
  let bounds = cache.get(key);
  if (bounds === undefined) {
    bounds = computeBounds(looks, alpha);
    cache.set(key, bounds);
  }
  return bounds;
}

function computeBounds(looks: readonly number[], alpha: number): TLookBound[] {
  checkLooks(looks);
  const nMax = looks[looks.length - 1];
  const random = createRandom(SEED);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const sums = new Float64Array(PATHS);
  const squares = new Float64Array(PATHS);
  let alive = Int32Array.from({ length: PATHS }, (_, i) => i);
  let previous = 0;
  return looks.map((n) => {
    const spentAlpha = lookAlpha(previous / nMax, n / nMax, alpha);
    for (const i of alive) {
      for (let j = previous; j < n; j++) {
        const z = normal();
        sums[i] += z;
        squares[i] += z * z;
      }
    }
    previous = n;
    if (spentAlpha < MIN_LOOK_ALPHA) {
      // Below 1 so that a judgement can still be asked for at it (and is then inconclusive).
      return { n, spentAlpha, boundary: Infinity, confidence: 1 - Math.max(spentAlpha, 1e-15) };
    }
    const marginal = studentTQuantile(1 - spentAlpha, n - 1);
    const t = new Float64Array(alive.length);
    alive.forEach((i, j) => (t[j] = tStatistic(sums[i], squares[i], n)));
    const allowed = spentAlpha * PATHS - 2 * Math.sqrt(spentAlpha * PATHS);
    let boundary = marginal;
    if (allowed >= MIN_CROSSINGS) {
      const ascending = t.slice().sort();
      boundary = Math.min(marginal, ascending[ascending.length - 1 - Math.floor(allowed)]);
    }
    alive = alive.filter((_, j) => t[j] <= boundary);
    return { n, spentAlpha, boundary, confidence: studentTCdf(boundary, n - 1) };
  });
}

function tStatistic(sum: number, squares: number, n: number): number {
  const mean = sum / n;
  const variance = Math.max(0, squares - n * mean * mean) / (n - 1);
  return mean / Math.sqrt(variance / n);
}

function checkLooks(looks: readonly number[]): void {
  if (looks.length === 0) throw new RangeError('tLookBounds: needs at least one look');
  looks.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 2 || (i > 0 && n <= looks[i - 1])) {
      throw new RangeError(`tLookBounds: looks must be increasing integers >= 2, got ${looks}`);
    }
  });
}
