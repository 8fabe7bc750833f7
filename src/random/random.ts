/** A seeded PRNG (mulberry32): same seed, same sequence. Returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [minMs, maxMs]. */
export function uniformMs(random: () => number, minMs: number, maxMs: number): number {
  return minMs + (maxMs - minMs) * random();
}
