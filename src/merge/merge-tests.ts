import { MergeError } from '../errors.js';
import type { TestRecord } from '../contracts/perf-results.js';
import type { RunMeta, SlaVerdict } from '../contracts/meta.js';
import { mergeRun } from './merge-run.js';
import { rejudge, verdictKey } from './rejudge.js';
import { baselineReader, rejudgeBaseline, type BaselineReader } from './rejudge-baseline.js';
import type { SplitFile } from './split-file.js';

function testKey(test: TestRecord): string {
  return JSON.stringify([test.project, test.file, test.fullName]);
}

/**
 * Merge each test as every split ran it: its split runs merged position by position, its
 * provisional verdicts re-judged on the merged runs (once each), other verdicts carried over with
 * their split. A test fails when a verdict fails. `files` must be checked and sorted by split.
 * `root`: where the splits ran, so baseline files (toMatchPerfBaseline) are read from there.
 */
export function mergeTests(files: readonly SplitFile[], root = process.cwd()): TestRecord[] {
  const read = baselineReader(root);
  const byTest = new Map<string, Array<{ split: number; test: TestRecord }>>();
  for (const file of files) {
    for (const test of file.results.tests) {
      const key = testKey(test);
      byTest.set(key, [...(byTest.get(key) ?? []), { split: file.index, test }]);
    }
  }
  const merged: TestRecord[] = [];
  for (const copies of byTest.values()) {
    if (copies.length !== files.length) {
      const have = new Set(copies.map((c) => c.split));
      const without = files.map((f) => f.index).filter((i) => !have.has(i));
      throw new MergeError(
        `test "${copies[0].test.fullName}" (${copies[0].test.file}) is missing from ` +
          `split${without.length > 1 ? 's' : ''} ${without.join(', ')}`,
        without,
      );
    }
    merged.push(mergeTest(copies, read));
  }
  return merged;
}

function mergeTest(
  copies: ReadonlyArray<{ split: number; test: TestRecord }>,
  read: BaselineReader,
): TestRecord {
  const first = copies[0].test;
  const runCount = Math.max(...copies.map((c) => c.test.runs.length));
  const runs = Array.from({ length: runCount }, (_, i) => mergeRunAt(copies, i));
  const judged = mergeVerdicts(copies, runs, read);
  const verdicts = judged.map((j) => j.verdict);
  const failed = judged.filter((j) => j.fails).map((j) => j.verdict);
  const state = failed.length > 0 ? 'failed' : first.state;
  return {
    ...first,
    state,
    durationMs: Math.max(...copies.map((c) => c.test.durationMs)),
    errors: failed.map((v) => v.message),
    runs,
    verdicts,
    annotations: copies.flatMap((c) =>
      c.test.annotations.map((a) => ({ type: a.type, message: `split ${c.split}: ${a.message}` })),
    ),
  };
}

/**
 * Run #i of a test as every split recorded it, merged. A run no split drove as a split (measure()
 * is never split) is carried over as split 1 recorded it, with a warning: each split judged its
 * own copy. A run that is a split run in some splits only cannot be merged.
 */
function mergeRunAt(
  copies: ReadonlyArray<{ split: number; test: TestRecord }>,
  i: number,
): RunMeta {
  const parts = copies.map((c) => ({ split: c.split, run: c.test.runs[i] }));
  const notSplit = parts.filter((p) => p.run === undefined || p.run.split === undefined);
  if (notSplit.length === parts.length && parts.every((p) => p.run !== undefined)) {
    const first = parts[0];
    const warning =
      'not a split run (measure() or a load without a split): the copy of split ' +
      `${first.split}; each split judged its own`;
    return { ...first.run, warnings: [...first.run.warnings, warning] };
  }
  if (notSplit.length > 0) {
    const name = copies[0].test.fullName;
    throw new MergeError(
      `run #${i + 1} of "${name}" is missing or not a split run in ` +
        `split${notSplit.length > 1 ? 's' : ''} ${notSplit.map((p) => p.split).join(', ')}`,
      notSplit.map((p) => p.split),
    );
  }
  return mergeRun(parts);
}

/**
 * The test's verdicts on the merged runs: each provisional check once (its copies from every
 * split together), re-judged; the others carried over with their split. Says which fail the test.
 */
function mergeVerdicts(
  copies: ReadonlyArray<{ split: number; test: TestRecord }>,
  runs: TestRecord['runs'],
  read: BaselineReader,
): Array<{ verdict: SlaVerdict; fails: boolean }> {
  const provisional = new Map<string, SlaVerdict[]>();
  const carried: SlaVerdict[] = [];
  for (const { split, test } of copies) {
    for (const verdict of test.verdicts) {
      if (verdict.provisional) {
        const key = verdictKey(verdict);
        provisional.set(key, [...(provisional.get(key) ?? []), verdict]);
      } else {
        carried.push({ ...verdict, split, message: `split ${split}: ${verdict.message}` });
      }
    }
  }
  const rejudged = [...provisional.values()].map((same) => {
    if (same[0].matcher === 'toMatchPerfBaseline') return rejudgeBaseline(same, runs, read);
    const verdict = rejudge(same[0], runs);
    return { verdict, fails: !verdict.pass };
  });
  return [...rejudged, ...carried.map((verdict) => ({ verdict, fails: !verdict.pass }))];
}
