/**
 * vitest-stress/split: the plumbing of a load spread over several processes or machines —
 * which share of the load this process drives, and merging the splits' perf-results.json.
 * A spec only sets `split` (or STRESS_SPLIT); the CLI's `vitest-stress merge` does the rest.
 * docs/distributed.md explains the workflow.
 */
export { resolveSplit } from '../split/split-spec.js';
export { shareOptions } from '../split/share.js';
export { mergeSplitResults, writeMergedReports } from '../merge/merge-splits.js';

export type { SplitSpec } from '../split/split-spec.js';
export type { SplitOptions } from '../options/split-option.js';
export type { MergeOutcome, MergedPerfResults, MergedSplitSource } from '../merge/merge-splits.js';
