import { createRandom } from '../random/random.js';
import { createWeightedPick } from '../random/weighted-pick.js';
import type { ResolvedFault } from './fault-options.js';

/**
 * Picks at most one fault per request by rate, with a seeded RNG: fault i with probability
 * rate i, none with the rest (rates sum to at most 1). It draws exactly one number per request,
 * fault or not, so the n-th request gets the same pick for the same seed.
 */
export function createFaultPicker(
  faults: readonly ResolvedFault[],
  seed: number,
): () => ResolvedFault | undefined {
  const pick = createWeightedPick(
    faults.map((f) => f.rate),
    createRandom(seed),
    1,
  );
  return () => {
    const index = pick();
    return index < 0 ? undefined : faults[index];
  };
}
