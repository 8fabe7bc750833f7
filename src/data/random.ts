import { Faker, base, en } from '@faker-js/faker';

/** A seeded source of the few distributions the generator needs, built on faker's PRNG. */
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
      const total = weights.reduce((a, b) => a + b, 0);
      let r = faker.number.float() * total;
      for (let i = 0; i < values.length; i++) {
        r -= weights[i];
        if (r < 0) return values[i];
      }
      return values[values.length - 1];
    },
  };
}
