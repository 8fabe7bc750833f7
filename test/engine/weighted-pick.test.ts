import { describe, expect, test } from 'vitest';
import { createRandom } from '../../src/random/random.js';
import { createWeightedPick, cumulativeOf, weightedIndex } from '../../src/random/weighted-pick.js';

// The three weighted picks this one replaced, as they were, to prove the picks did not change.
function oldScenarioPick(weights: number[], random: () => number): () => number {
  const cumulative = cumulativeOf(weights);
  const total = cumulative[cumulative.length - 1];
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
function oldFaultPick(rates: number[], random: () => number): () => number {
  const cumulative = cumulativeOf(rates);
  return () => {
    const x = random();
    for (let i = 0; i < rates.length; i++) if (x < cumulative[i]) return i;
    return -1;
  };
}
function oldDataWeighted(weights: number[], draw: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = draw * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

const DRAWS = 20_000;
const take = (pick: () => number) => Array.from({ length: DRAWS }, pick);

describe('the one weighted pick', () => {
  test.each([[[1]], [[60, 30, 10]], [[0.5, 0, 2, 7.25]], [[1, 1, 1, 1, 1, 1, 1]]])(
    'scenario weights %j: the same picks as before, for the same seed',
    (weights) => {
      for (const seed of [1, 42, 0xdeadbeef]) {
        expect(take(createWeightedPick(weights, createRandom(seed)))).toEqual(
          take(oldScenarioPick(weights, createRandom(seed))),
        );
      }
    },
  );

  test.each([[[0.1]], [[0.1, 0.05, 0.15]], [[0, 0.5, 0.5]], [[0.2, 0, 0.3]]])(
    'fault rates %j: the same picks (and "none") as before',
    (rates) => {
      for (const seed of [7, 99]) {
        expect(take(createWeightedPick(rates, createRandom(seed), 1))).toEqual(
          take(oldFaultPick(rates, createRandom(seed))),
        );
      }
    },
  );

  test('generated categories: the same picks as the subtraction loop it replaced', () => {
    const random = createRandom(5);
    for (const weights of [
      [0.48, 0.48, 0.04],
      [0.3, 0.25, 0.25, 0.2],
      [1, 2, 3],
    ]) {
      const cumulative = cumulativeOf(weights);
      for (let i = 0; i < DRAWS; i++) {
        const draw = random();
        const index = weightedIndex(cumulative, draw * cumulative[cumulative.length - 1]);
        expect(index < 0 ? weights.length - 1 : index).toBe(oldDataWeighted(weights, draw));
      }
    }
  });

  test('same seed, same picks; another seed, other picks', () => {
    const weights = [3, 2, 1];
    expect(take(createWeightedPick(weights, createRandom(11)))).toEqual(
      take(createWeightedPick(weights, createRandom(11))),
    );
    expect(take(createWeightedPick(weights, createRandom(11)))).not.toEqual(
      take(createWeightedPick(weights, createRandom(12))),
    );
  });

  test('zero weights are never picked; the remainder past the rates is none (-1)', () => {
    const picks = take(createWeightedPick([0.25, 0, 0.25], createRandom(3), 1));
    expect(picks).not.toContain(1);
    const share = (value: number) => picks.filter((p) => p === value).length / DRAWS;
    expect(share(-1)).toBeGreaterThan(0.45);
    expect(share(-1)).toBeLessThan(0.55);
    expect(share(0)).toBeGreaterThan(0.2);
    expect(share(2)).toBeGreaterThan(0.2);
  });
});
