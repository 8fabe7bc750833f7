import type { Duration } from '../options/duration.js';
import type { LoadOptions } from '../options/load-options.js';
import type { SequentialAbOptions } from './sequential-ab.js';

/** Options of compareTargets(): load() options without `target`, plus the two targets and the rounds. */
export interface CompareTargetsOptions extends Omit<LoadOptions, 'target'> {
  /** Base URL of the reference deployment (say, main's build); loopback only unless allowRemote. */
  baseline: string;
  /** Base URL of the deployment under test (say, the PR's build). */
  candidate: string;
  /** Paired rounds, even and >= 2; each round runs both targets once for `duration`. Default 6. */
  rounds?: number;
  /**
   * Load both targets this long before round 1 and discard the figures (JIT, caches, connection
   * pools). Default none.
   */
  warmup?: Duration;
  /**
   * Stop when decided: add ABBA round pairs from `minRounds` until the comparison passes or
   * fails at a look (O'Brien–Fleming spending keeps the error rate over all looks), at most
   * `maxRounds`. Not with `rounds`. See docs/trust.md.
   */
  sequential?: SequentialAbOptions;
}
