// Seeding checked directly: the same seed gives the same picks, draw for draw (not through
// request counts of timed runs, which depend on the machine).
import { describe, expect, test } from 'vitest';
import { createFaultPicker } from '../../src/chaos/pick-fault.js';
import { parseFaults } from '../../src/chaos/fault-options.js';
import { createRandom, uniformMs } from '../../src/random/random.js';
import { RequestPlan } from '../../src/engine/request-plan.js';
import { validateLoadOptions } from '../../src/options/validate-load.js';

const draws = <T>(next: () => T, n: number): T[] => Array.from({ length: n }, next);

describe('the seeded PRNG', () => {
  test('same seed → same sequence; another seed → another; values in [0, 1)', () => {
    const a = draws(createRandom(42), 1000);
    expect(draws(createRandom(42), 1000)).toEqual(a);
    expect(draws(createRandom(43), 1000)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test('think times: uniform in [min, max] and repeated for the same seed', () => {
    const thinkMs = (seed: number) => {
      const random = createRandom(seed);
      return draws(() => uniformMs(random, 50, 250), 500);
    };
    const a = thinkMs(7);
    expect(thinkMs(7)).toEqual(a);
    expect(thinkMs(8)).not.toEqual(a);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...a)).toBeLessThanOrEqual(250);
  });
});

describe('scenario picks', () => {
  const plan = (seed: number) =>
    new RequestPlan(
      validateLoadOptions({
        target: 'http://127.0.0.1:1',
        seed,
        scenarios: [
          { name: 'a', weight: 1 },
          { name: 'b', weight: 3 },
        ],
      }),
    );
  const picks = (seed: number, n = 4000) => {
    const p = plan(seed);
    return draws(() => p.pick().name, n);
  };

  test('same seed → the same scenario for every request; another seed → another sequence', () => {
    const a = picks(42);
    expect(picks(42)).toEqual(a);
    expect(picks(7)).not.toEqual(a);
  });

  test('picks follow the weights (1:3)', () => {
    const b = picks(42).filter((name) => name === 'b').length / 4000;
    expect(b).toBeGreaterThan(0.72);
    expect(b).toBeLessThan(0.78);
  });
});

describe('fault picks', () => {
  const faults = parseFaults([
    { type: 'latency', rate: 0.2, ms: 10 },
    { type: 'status', rate: 0.1, code: 503 },
  ]);
  const picks = (seed: number) =>
    draws(createFaultPicker(faults, seed), 4000).map((f) => f?.type ?? 'none');

  test('same seed → the same fault (or none) for the n-th request; another seed → another sequence', () => {
    const a = picks(3);
    expect(picks(3)).toEqual(a);
    expect(picks(4)).not.toEqual(a);
  });

  test('picks follow the rates', () => {
    const a = picks(3);
    const share = (type: string) => a.filter((t) => t === type).length / a.length;
    expect(share('latency')).toBeGreaterThan(0.17);
    expect(share('latency')).toBeLessThan(0.23);
    expect(share('status')).toBeGreaterThan(0.08);
    expect(share('status')).toBeLessThan(0.12);
  });
});
