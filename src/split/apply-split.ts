import type { ResolvedLoadOptions } from '../options/load-options.js';
import type { RunResult } from '../contracts/run-result.js';
import type { RunSignal } from '../vitest/run-signal.js';
import { shareOptions } from './share.js';
import { resolveSplit, type SplitSpec } from './split-spec.js';
import { claimStartAt, waitForStart, type StartOutcome } from './start-gate.js';
import { labelSplitRun } from './subjects.js';

/** A load() after its split was applied: the options to drive, and the split with its start. */
export interface SplitRun {
  options: ResolvedLoadOptions;
  spec: SplitSpec | undefined;
  start: StartOutcome | undefined;
}

/**
 * Apply the split in force (the `split` option, else STRESS_SPLIT) to validated options and wait
 * for the common start. Without a split, returns the options unchanged and does not wait.
 * On bad split settings it unlinks `stop` and throws InvalidOptionError.
 */
export async function startSplit(
  validated: ResolvedLoadOptions,
  option: unknown,
  stop: RunSignal,
): Promise<SplitRun> {
  try {
    const spec = resolveSplit(option);
    if (!spec) return { options: validated, spec: undefined, start: undefined };
    const options = shareOptions(validated, spec);
    const start = await waitForStart(claimStartAt(spec), spec, stop.signal);
    return { options, spec, start };
  } catch (error) {
    stop.unlink();
    throw error;
  }
}

/**
 * Record the split in the result (`result.split`, its warnings also in `result.warnings`) and
 * label the result so matchers record provisional verdicts the merge can re-judge.
 * `runIndex`: the run's position among its test's runs.
 */
export function finishSplit(result: RunResult, split: SplitRun, runIndex: number): void {
  if (!split.spec || !split.start) return;
  const { index, count } = split.spec;
  const { startAt, lateStartMs, warnings } = split.start;
  result.split = { index, count, startAt, lateStartMs, warnings };
  for (const warning of warnings)
    if (!result.warnings.includes(warning)) result.warnings.push(warning);
  labelSplitRun(result, runIndex);
}
