import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findEntry, readBaselineFile, type BaselineFile } from '../baseline/baseline-file.js';
import {
  BASELINE_MATCHER,
  comparisonFails,
  comparisonVerdict,
  entrySha256,
  judgeBaseline,
} from '../baseline/judge-baseline.js';
import { parseTolerances } from '../baseline/tolerance.js';
import type { RunMeta, SlaVerdict } from '../contracts/meta.js';

/** A re-judged verdict and whether it fails the merged test. */
export interface Rejudged {
  verdict: SlaVerdict;
  fails: boolean;
}

/** Reads baseline files relative to the merge's root, each once. */
export type BaselineReader = (file: string) => BaselineFile | string;

/** A reader of baseline files under `root` (the directory the splits ran in), caching each file. */
export function baselineReader(root: string): BaselineReader {
  const cache = new Map<string, BaselineFile | string>();
  return (file) => {
    const path = resolve(root, file);
    let read = cache.get(path);
    if (read === undefined) {
      try {
        read = existsSync(path)
          ? readBaselineFile(path)
          : `the baseline file ${file} is not in ${root}: run vitest-stress merge where the splits ran`;
      } catch (error) {
        read = (error as Error).message;
      }
      cache.set(path, read);
    }
    return read;
  };
}

/**
 * Compare a merged run with the baseline entry its splits compared with, as one process would:
 * the same tolerance, confidence, seed and inconclusive policy; the splits' machine differences
 * (any) make it not comparable. `copies`: the same provisional verdict from every split. A
 * verdict that cannot be compared again (entry gone or changed, run missing) fails.
 */
export function rejudgeBaseline(
  copies: readonly SlaVerdict[],
  runs: readonly RunMeta[],
  read: BaselineReader,
): Rejudged {
  const first = copies[0];
  const { provisional: _provisional, ...rest } = first;
  const cannot = (why: string): Rejudged => ({
    verdict: {
      ...rest,
      observed: null,
      pass: false,
      message: `${BASELINE_MATCHER}: cannot re-judge on the merged run: ${why}`,
    },
    fails: true,
  });
  const check = first.baseline?.split;
  if (!first.baseline || !check) return cannot('the verdict does not say which baseline it used');
  const run = first.judged ? runs[first.judged.run] : undefined;
  if (!run)
    return cannot(`the test has no run #${(first.judged?.run ?? -1) + 1} in the merged results`);
  const file = read(first.baseline.file);
  if (typeof file === 'string') return cannot(file);
  const entry = findEntry(file, check.test, check.run);
  if (!entry)
    return cannot(`${first.baseline.file} has no entry for "${check.test}" / ${check.run}`);
  if (entrySha256(entry) !== check.entrySha256)
    return cannot(
      `the entry for "${check.test}" / ${check.run} in ${first.baseline.file} (recorded ` +
        `${entry.recordedAt}) is not the one the splits compared with (recorded ${first.baseline.recordedAt})`,
    );
  const machines = [...new Set(copies.map((c) => c.baseline?.split?.machineDifference))].filter(
    (d): d is string => d !== undefined,
  );
  const [tolerance] = parseTolerances({ [first.metric]: first.threshold });
  const [c] = judgeBaseline(
    entry,
    run,
    [tolerance],
    { confidence: check.confidence, seed: check.seed },
    machines.length > 0 ? machines.join('; ') : undefined,
  );
  const verdict = comparisonVerdict(c, { file: first.baseline.file, recordedAt: entry.recordedAt });
  return {
    verdict: { ...verdict, ...(first.judged ? { judged: first.judged } : {}) },
    fails: comparisonFails(c, check.inconclusive),
  };
}
