import { describe, expect, test } from 'vitest';
import { createRandom } from '../../src/random/random.js';
import { lookAlpha } from '../../src/sequential/alpha-spending.js';
import { tLookBounds } from '../../src/sequential/t-boundaries.js';
import { studentTQuantile } from '../../src/trust/student-t.js';

// The design of a sequential A/B comparison: looks after 4, 6, …, 20 paired rounds, α = 0.05.
const LOOKS = [4, 6, 8, 10, 12, 14, 16, 18, 20];
const ALPHA = 0.05;
const PATHS = 20_000;
// α plus three Monte-Carlo standard errors of a rate α over PATHS paths (≈ 0.0546).
const LIMIT = ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / PATHS);

/** Share of iid N(0, σ) paths whose t-statistic crosses a look's boundary (seeds unlike the design's). */
function crossingRate(boundaries: number[], sigma: number, seed: number): number {
  const random = createRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  let crossed = 0;
  for (let p = 0; p < PATHS; p++) {
    let sum = 0;
    let squares = 0;
    let n = 0;
    for (const [k, boundary] of boundaries.entries()) {
      for (; n < LOOKS[k]; n++) {
        const x = sigma * normal();
        sum += x;
        squares += x * x;
      }
      const mean = sum / n;
      const t = mean / Math.sqrt((squares - n * mean * mean) / (n - 1) / n);
      if (t > boundary) {
        crossed++;
        break;
      }
    }
  }
  return crossed / PATHS;
}

describe("group-sequential t boundaries (O'Brien–Fleming spending, exact over looks)", () => {
  const bounds = tLookBounds(LOOKS, ALPHA);

  test(`a t-statistic with no effect crosses some look in at most α + Monte-Carlo error (${PATHS} paths)`, () => {
    expect(
      crossingRate(
        bounds.map((b) => b.boundary),
        3.7,
        77,
      ),
    ).toBeLessThanOrEqual(LIMIT);
  });

  test('and spends most of α (at least 0.04 of 0.05), where the power comes from', () => {
    expect(
      crossingRate(
        bounds.map((b) => b.boundary),
        0.2,
        78,
      ),
    ).toBeGreaterThanOrEqual(0.04);
  });

  test('the union bound, the boundaries it replaces, is far below α on the same paths', () => {
    const union = bounds.map((b) => studentTQuantile(1 - b.spentAlpha, b.n - 1));
    expect(crossingRate(union, 3.7, 77)).toBeLessThan(0.035);
  });

  test('no look is stricter than the union bound, and the last is well below it', () => {
    for (const b of bounds.filter((x) => x.boundary !== Infinity)) {
      expect(b.boundary).toBeLessThanOrEqual(studentTQuantile(1 - b.spentAlpha, b.n - 1));
    }
    const last = bounds[bounds.length - 1];
    expect(last.boundary).toBeLessThan(0.9 * studentTQuantile(1 - last.spentAlpha, last.n - 1));
  });

  test('the shares of α are the spending function’s, and sum to α', () => {
    expect(bounds[0].spentAlpha).toBeCloseTo(lookAlpha(0, 4 / 20, ALPHA), 12);
    expect(bounds.reduce((s, b) => s + b.spentAlpha, 0)).toBeCloseTo(ALPHA, 12);
  });

  test('a look whose share is below 1e-6 cannot decide', () => {
    const early = tLookBounds([2, 20, 40], ALPHA)[0]; // α(1/20) ≈ 1e-18
    expect(early).toMatchObject({ n: 2, boundary: Infinity });
    // Still below 1, so that toShowNoRegression can judge at it (a confidence of 1 is refused).
    expect(early.confidence).toBeLessThan(1);
    expect(early.confidence).toBeGreaterThan(1 - 1e-6);
  });

  test('refuses looks that are not increasing integers >= 2', () => {
    expect(() => tLookBounds([4, 4], ALPHA)).toThrow(/increasing integers >= 2/);
    expect(() => tLookBounds([], ALPHA)).toThrow(/at least one look/);
  });
});
