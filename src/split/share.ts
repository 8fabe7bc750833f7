import { InvalidOptionError } from '../errors.js';
import type { ResolvedLoadOptions, ResolvedStage } from '../options/load-options.js';
import type { SplitSpec } from './split-spec.js';

// Golden-ratio step: far-apart seeds for neighbouring splits.
const SEED_STEP = 0x9e3779b9;

/**
 * The integer share of `whole` for split `index` (1-based) of `count`: floor(whole / count),
 * plus one for the first `whole % count` splits, so the shares add up to `whole` exactly.
 */
export function integerShare(whole: number, index: number, count: number): number {
  const base = Math.floor(whole / count);
  return base + (index - 1 < whole % count ? 1 : 0);
}

/** The share of a rate (requests per second) for one split: rates divide as reals. */
export function rateShare(wholeRps: number, count: number): number {
  return wholeRps / count;
}

/**
 * The options split `split.index` of `split.count` drives: users, requests, rates and stage
 * levels divided (shares of all splits add up to the whole), request ids prefixed with
 * `s<index>-` and the seed offset per split. Pure: returns a new object. Throws
 * InvalidOptionError when a split would get nothing to do (fewer users or requests than splits).
 */
export function shareOptions(options: ResolvedLoadOptions, split: SplitSpec): ResolvedLoadOptions {
  const { index, count } = split;
  const shared: ResolvedLoadOptions = {
    ...options,
    requestIdPrefix: `s${index}-${options.requestIdPrefix}`,
    seed: (options.seed + (index - 1) * SEED_STEP) >>> 0,
  };
  if (options.users !== undefined) shared.users = positiveShare(options.users, split, 'users');
  if (options.requests !== undefined)
    shared.requests = positiveShare(options.requests, split, 'requests');
  if (options.rate !== undefined) shared.rate = rateShare(options.rate, count);
  if (options.stages.length > 0) shared.stages = shareStages(options.stages, split);
  return shared;
}

function positiveShare(whole: number, split: SplitSpec, field: string): number {
  const share = integerShare(whole, split.index, split.count);
  if (share < 1) {
    throw new InvalidOptionError(
      field,
      whole,
      `at least ${split.count} (one per split): split ${split.index}/${split.count} would get none`,
    );
  }
  return share;
}

function shareStages(stages: ResolvedStage[], split: SplitSpec): ResolvedStage[] {
  const shared = stages.map((stage) => {
    const s: ResolvedStage = { ...stage };
    if (stage.users !== undefined) s.users = integerShare(stage.users, split.index, split.count);
    if (stage.rate !== undefined) s.rate = rateShare(stage.rate, split.count);
    return s;
  });
  if (shared.every((s) => (s.users ?? s.rate ?? 0) === 0)) {
    throw new InvalidOptionError(
      'stages',
      '[stages]',
      `users >= ${split.count} in some stage: split ${split.index}/${split.count} would get no users in any stage`,
    );
  }
  return shared;
}
