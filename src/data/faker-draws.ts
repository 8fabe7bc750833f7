import { Faker, base, en } from '@faker-js/faker';
import { cumulativeOf, weightedIndex } from '../random/weighted-pick.js';

/**
 * The few distributions the record generator needs, drawn from faker's own seeded PRNG — the one
 * that also makes names and ids, so one seed fixes a whole record. It is not a second PRNG module:
 * the shared mulberry32 (src/random/random.ts) serves everything else, and the weighted pick
 * is the shared one too (src/random/weighted-pick.ts).
 */
export interface SeededRandom {
  faker: Faker;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal N(0, 1) (Box–Muller; one draw per call, so call order alone fixes output). */
  normal(): number;
  /** One of `values`, chosen with the given weights (need not sum to 1). */
  weighted<T>(values: readonly T[], weights: readonly number[]): T;
}

/** A fresh faker instance seeded with `seed`: independent of the global `faker`, so tests don't interfere. */
export function seededRandom(seed: number): SeededRandom {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  const uniform = (min: number, max: number) => min + (max - min) * faker.number.float();
  return {
    faker,
    uniform,
    normal() {
      const u1 = 1 - faker.number.float(); // (0, 1]: log stays finite
      const u2 = faker.number.float();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    weighted<T>(values: readonly T[], weights: readonly number[]): T {
      const cumulative = cumulativeOf(weights);
      const index = weightedIndex(
        cumulative,
        faker.number.float() * cumulative[cumulative.length - 1],
      );
      return values[index < 0 ? values.length - 1 : index];
    },
  };
}
