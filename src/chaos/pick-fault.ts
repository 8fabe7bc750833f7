import { createRandom } from '../engine/random.js';
import type { ResolvedFault } from './fault-options.js';

/**
 * Picks at most one fault per request by cumulative rates, with a seeded RNG. It draws exactly
 * one number per request, fault or not, so the n-th request gets the same pick for the same seed.
 */
export function createFaultPicker(faults: readonly ResolvedFault[], seed: number): () => ResolvedFault | undefined {
  const random = createRandom(seed);
  let sum = 0;
  const cumulative = faults.map((f) => (sum += f.rate));
  return () => {
    const x = random();
    for (let i = 0; i < faults.length; i++) if (x < cumulative[i]) return faults[i];
    return undefined;
  };
}
