import type { SlaVerdict } from '../contracts/meta.js';
import type { RunResult } from '../contracts/run-result.js';
import type { SplitSubject } from '../split/subjects.js';
import type { BaselineEntry } from './baseline-entry.js';
import { resolveBaselineOptions, type PerfBaselineOptions } from './baseline-options.js';
import { fingerprintDifference, machineFingerprint } from './fingerprint.js';
import {
  BASELINE_MATCHER,
  comparisonVerdict,
  entrySha256,
  judgeBaseline,
} from './judge-baseline.js';
import { parseTolerances, type BaselineTolerances } from './tolerance.js';
import type { UpdateMode } from './update-mode.js';

/** A toMatchPerfBaseline call on a split run (STRESS_SPLIT), as the matcher found it. */
export interface SplitBaselineCall {
  /** The baseline file, relative to the working directory. */
  file: string;
  /** The entry's key: the test's full name and the run name. */
  test: string;
  run: string;
  mode: UpdateMode;
  entry: BaselineEntry | undefined;
  result: RunResult;
  judged: SplitSubject;
  tolerances: BaselineTolerances;
  options: PerfBaselineOptions | undefined;
}

/** What the matcher records and returns. */
export interface SplitBaselineOutcome {
  verdicts: SlaVerdict[];
  pass: boolean;
  message: string;
}

/**
 * toMatchPerfBaseline on one split of a split load: the baseline is of the whole load, so each
 * figure's comparison with this split alone is recorded provisional (passing), with what
 * `vitest-stress merge` needs to compare the merged run with the same entry. A split never
 * writes a baseline (it drives only its share): a missing baseline or `-u` fails the split.
 */
export function splitBaseline(call: SplitBaselineCall): SplitBaselineOutcome {
  const { entry, result } = call;
  const share = result.split ? `${result.split.index}/${result.split.count}` : 'one split';
  if (call.mode === 'all' || !entry) {
    const message =
      `${BASELINE_MATCHER}: ${entry ? 'not rewriting' : 'no'} perf baseline for "${call.test}" / ` +
      `${call.run} in ${call.file}: this run is split ${share} of a split load (STRESS_SPLIT) and ` +
      'drives only its share, so it never writes a baseline. Record it from one process ' +
      '(without STRESS_SPLIT, `npx vitest run <spec> -u`), commit it, then split.';
    const verdict: SlaVerdict = {
      matcher: BASELINE_MATCHER,
      metric: 'baseline',
      unit: '',
      threshold: 'split',
      observed: null,
      pass: false,
      negated: false,
      message,
    };
    return { verdicts: [verdict], pass: false, message };
  }
  const tolerances = parseTolerances(call.tolerances);
  const { confidence, seed, inconclusive } = resolveBaselineOptions(call.options);
  const machineDifference = fingerprintDifference(entry.fingerprint, machineFingerprint());
  const check = {
    test: call.test,
    run: call.run,
    entrySha256: entrySha256(entry),
    confidence,
    seed,
    inconclusive,
    ...(machineDifference ? { machineDifference } : {}),
  };
  const comparisons = judgeBaseline(
    entry,
    result,
    tolerances,
    { confidence, seed },
    machineDifference,
  );
  const verdicts = comparisons.map((c): SlaVerdict => {
    const v = comparisonVerdict(c, { file: call.file, recordedAt: entry.recordedAt, split: check });
    return { ...v, provisional: true, judged: call.judged };
  });
  const message = [
    `provisional (split run ${share}, re-judged by vitest-stress merge): ${BASELINE_MATCHER} ` +
      `(${call.file}, "${call.test}" / ${call.run}, recorded ${entry.recordedAt}):`,
    ...verdicts.map((v) => `  ${v.message}`),
  ].join('\n');
  return { verdicts, pass: true, message };
}
