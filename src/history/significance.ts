import { createRandom } from '../random/random.js';
import { windowAround, type SignificanceTest } from './e-divisive.js';
import { qhatValues } from './qhat.js';
import { tTestPValue } from './segment-stats.js';

/**
 * Hunter's significance test (Fleming et al., ICPE'23): a two-sided Student t-test between the
 * runs left and right of the candidate, within the window between the neighbouring change
 * points; significant when p <= `maxPValue`. Deterministic and fast, unlike permutations.
 */
export function tTestSignificance(maxPValue: number): SignificanceTest {
  return (candidate, values, windows) => {
    const { start, end } = windowAround(candidate.index, windows);
    if (candidate.index <= start || candidate.index >= end)
      return { significant: false, pValue: 1 };
    const pValue = tTestPValue(
      values.slice(start, candidate.index),
      values.slice(candidate.index, end),
    );
    return { significant: pValue <= maxPValue, pValue };
  };
}

function shuffled(
  values: readonly number[],
  start: number,
  end: number,
  random: () => number,
): number[] {
  const copy = values.slice(start, end);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * The original E-divisive permutation test (MongoDB, Daly et al., ICPE'20): shuffle the runs
 * within every window `permutations` times; p = (times a shuffle's best q̂ reached the
 * candidate's) / (permutations + 1). Seeded (mulberry32), so one seed gives one answer —
 * but not numpy's answer: borderline candidates can differ from MongoDB's for the same seed.
 */
export function permutationSignificance(
  maxPValue: number,
  permutations: number,
  seed: number,
): SignificanceTest {
  const random = createRandom(seed);
  return (candidate, values, windows) => {
    let higher = 0;
    for (let p = 0; p < permutations; p++) {
      let best = -Infinity;
      for (let w = 0; w + 1 < windows.length; w++) {
        const window = shuffled(values, windows[w], windows[w + 1], random);
        for (const q of qhatValues(window)) if (q > best) best = q;
      }
      if (best >= candidate.qhat) higher++;
    }
    const pValue = higher / (permutations + 1);
    return { significant: pValue <= maxPValue, pValue };
  };
}
