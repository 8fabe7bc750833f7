// The `split` option of load(): which share of a split load this process drives.

/** Which share of the load this process drives: split `index` of `count` (1-based, like `vitest --shard`). */
export interface SplitOptions {
  /** 1..count. */
  index: number;
  /** How many splits share the load, >= 1. */
  count: number;
  /** Common start time, epoch ms: load() waits for it (at most MAX_START_AHEAD_MS ahead). */
  startAt?: number;
}
