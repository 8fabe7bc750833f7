import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, type TaskMeta } from 'vitest';
import type { MatcherState } from 'vitest';
import { toBaselineEntry } from '../../src/baseline/baseline-entry.js';
import { baselinePath, writeEntry } from '../../src/baseline/baseline-file.js';
import type { SlaVerdict, StressMeta } from '../../src/contracts/meta.js';
import {
  PERF_RESULTS_SCHEMA,
  type PerfResultsFile,
  type TestRecord,
} from '../../src/contracts/perf-results.js';
import { toMatchPerfBaseline } from '../../src/matchers/to-match-perf-baseline.js';
import { mergeSplitResults } from '../../src/merge/merge-splits.js';
import { mergeTests } from '../../src/merge/merge-tests.js';
import type { SplitFile } from '../../src/merge/split-file.js';
import { createRandom } from '../../src/random/random.js';
import { labelSplitRun } from '../../src/split/subjects.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun, type FakeRequest } from '../helpers/fake-run.js';

const root = mkdtempSync(join(tmpdir(), 'vs-merge-baseline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const spec = join(root, 'api.perf.ts');
const TEST = 'suite > keeps up with its baseline';
const SPLITS = 3;
const DURATION_MS = 30_000;
const tolerances = { p95: '+10%', throughput: '-10%' };

/** 3000 requests over 30 s, latencies 20 ms + an exponential tail (seeded). */
function requests(seed: number): FakeRequest[] {
  const random = createRandom(seed);
  return Array.from({ length: 3000 }, () => ({ latencyMs: 20 - 10 * Math.log(1 - random()) }));
}

/** A matcher context as Vitest gives it in CI (never writes), for the spec in the temp root. */
const state = {
  isNot: false,
  testPath: spec,
  currentTestName: TEST,
  snapshotState: { snapshotUpdateState: 'none' },
} as unknown as MatcherState;

/** Run the matcher on `result` and take the verdicts it recorded out of this test's meta. */
function judge(meta: TaskMeta, result: unknown): { pass: boolean; verdicts: SlaVerdict[] } {
  const { pass } = toMatchPerfBaseline.call(state, result, tolerances);
  const stress = (meta as { vitestStress?: StressMeta }).vitestStress;
  return { pass, verdicts: stress ? stress.verdicts.splice(0) : [] };
}

/** Split k of the same requests (every SPLITS-th), labelled as load() labels a split run. */
function splitRun(all: FakeRequest[], k: number) {
  const result = fakeRun(
    all.filter((_, i) => i % SPLITS === k),
    { users: 10, durationMs: DURATION_MS },
  );
  result.split = { index: k + 1, count: SPLITS, startAt: 0, lateStartMs: 0, warnings: [] };
  labelSplitRun(result, 0);
  return result;
}

function splitFile(k: number, run: ReturnType<typeof splitRun>, verdicts: SlaVerdict[]): SplitFile {
  const test: TestRecord = {
    file: 'api.perf.ts',
    project: 'perf',
    name: 'keeps up with its baseline',
    fullName: TEST,
    state: 'passed',
    durationMs: DURATION_MS,
    errors: [],
    runs: [toRunMeta(run)],
    verdicts,
    annotations: [],
  };
  const results = { tests: [test] } as unknown as PerfResultsFile;
  return { path: `shard-${k + 1}/perf-results.json`, index: k + 1, count: SPLITS, results };
}

const pick = (v: SlaVerdict) => ({
  metric: v.metric,
  state: v.state,
  outcome: v.baseline?.outcome,
  pass: v.pass,
});

describe('toMatchPerfBaseline on a 3-split load, merged', () => {
  writeEntry(
    baselinePath(spec),
    toBaselineEntry(TEST, fakeRun(requests(1), { durationMs: DURATION_MS })),
  );
  const now = requests(2);

  test('each split alone is a throughput regression; the merge judges the whole as one process does', ({
    task,
  }) => {
    const oneProcess = judge(task.meta, fakeRun(now, { users: 30, durationMs: DURATION_MS }));
    expect(oneProcess.pass).toBe(true);
    expect(oneProcess.verdicts.map(pick)).toEqual([
      { metric: 'p95', state: 'pass', outcome: 'unchanged', pass: true },
      { metric: 'throughput', state: 'pass', outcome: 'unchanged', pass: true },
    ]);

    const runs = Array.from({ length: SPLITS }, (_, k) => splitRun(now, k));
    const splits = runs.map((run) => judge(task.meta, run));
    for (const split of splits) {
      expect(split.pass).toBe(true);
      expect(split.verdicts.map((v) => [v.metric, v.provisional])).toEqual([
        ['p95', true],
        ['throughput', true],
      ]);
      // A third of the throughput: each split alone is a regression.
      expect(split.verdicts[1].baseline?.outcome).toBe('regression');
      expect(split.verdicts[1].judged).toEqual({ run: 0, kind: 'run' });
    }

    const [merged] = mergeTests(
      runs.map((run, k) => splitFile(k, run, splits[k].verdicts)),
      root,
    );
    expect(merged.state).toBe('passed');
    expect(merged.errors).toEqual([]);
    expect(merged.verdicts.map(pick)).toEqual(oneProcess.verdicts.map(pick));
    expect(merged.verdicts.every((v) => v.provisional === undefined)).toBe(true);
    const ratio = (v: SlaVerdict) => v.observed! / v.baseline!.value!;
    expect(ratio(merged.verdicts[1])).toBeCloseTo(ratio(oneProcess.verdicts[1]), 2);
    expect(merged.verdicts[1].baseline).toEqual({
      value: oneProcess.verdicts[1].baseline!.value,
      outcome: 'unchanged',
      file: oneProcess.verdicts[1].baseline!.file,
      recordedAt: oneProcess.verdicts[1].baseline!.recordedAt,
    });
  });

  test('a merged regression fails the merged test, though no split judged it alone', ({ task }) => {
    // 1.3× slower: each split is a p95 regression too, but only the merge's verdict counts.
    const slower = now.map((r) => ({ latencyMs: r.latencyMs * 1.3 }));
    const runs = Array.from({ length: SPLITS }, (_, k) => splitRun(slower, k));
    const splits = runs.map((run) => judge(task.meta, run));
    expect(splits.map((s) => s.pass)).toEqual([true, true, true]);
    const [merged] = mergeTests(
      runs.map((run, k) => splitFile(k, run, splits[k].verdicts)),
      root,
    );
    expect(merged.state).toBe('failed');
    expect(merged.verdicts.map(pick)).toEqual([
      { metric: 'p95', state: 'fail', outcome: 'regression', pass: false },
      { metric: 'throughput', state: 'pass', outcome: 'unchanged', pass: true },
    ]);
    expect(merged.errors).toEqual([merged.verdicts[0].message]);
    expect(merged.errors[0]).toMatch(
      /^p95: regression — baseline [\d.]+ ms, now [\d.]+ ms, ratio 1\.\d\d/,
    );
  });

  test('an entry changed since the splits compared with it, or not found, cannot be re-judged: the merge fails it', ({
    task,
  }) => {
    const runs = Array.from({ length: SPLITS }, (_, k) => splitRun(now, k));
    const splits = runs.map((run) => judge(task.meta, run));
    const files = runs.map((run, k) => splitFile(k, run, splits[k].verdicts));
    const original = toBaselineEntry(TEST, fakeRun(requests(1), { durationMs: DURATION_MS }));
    writeEntry(
      baselinePath(spec),
      toBaselineEntry(TEST, fakeRun(requests(3), { durationMs: DURATION_MS })),
    );
    try {
      const [merged] = mergeTests(files, root);
      expect(merged.state).toBe('failed');
      expect(merged.verdicts.map((v) => [v.pass, v.observed])).toEqual([
        [false, null],
        [false, null],
      ]);
      expect(merged.errors[0]).toMatch(
        new RegExp(
          String.raw`^toMatchPerfBaseline: cannot re-judge on the merged run: the entry for ` +
            String.raw`"suite > keeps up with its baseline" / default in .*__perf__/api\.perf\.ts\.json ` +
            String.raw`\(recorded .*\) is not the one the splits compared with`,
        ),
      );
    } finally {
      writeEntry(baselinePath(spec), original);
    }
    const moved = files.map((f) => ({
      ...f,
      results: {
        ...f.results,
        tests: f.results.tests.map((t) => ({
          ...t,
          verdicts: t.verdicts.map((v) => ({
            ...v,
            baseline: { ...v.baseline!, file: 'gone/__perf__/x.json' },
          })),
        })),
      },
    }));
    const [gone] = mergeTests(moved, root);
    expect(gone.state).toBe('failed');
    expect(gone.errors[0]).toBe(
      'toMatchPerfBaseline: cannot re-judge on the merged run: the baseline file gone/__perf__/x.json ' +
        `is not in ${root}: run vitest-stress merge where the splits ran`,
    );
  });

  test('a split on another machine makes the merged comparison inconclusive; its policy decides', async ({
    task,
  }) => {
    const runs = Array.from({ length: SPLITS }, (_, k) => splitRun(now, k));
    const splits = runs.map((run) => judge(task.meta, run));
    const onSplit2 = (policy: 'pass' | 'fail') =>
      runs.map((run, k) =>
        splitFile(
          k,
          run,
          splits[k].verdicts.map((v) => {
            const check = { ...v.baseline!.split!, inconclusive: policy };
            if (k === 1) check.machineDifference = 'cores 8 → 2';
            return { ...v, baseline: { ...v.baseline!, split: check } };
          }),
        ),
      );
    const [lenient] = mergeTests(onSplit2('pass'), root);
    expect(lenient.verdicts.map(pick)).toEqual([
      { metric: 'p95', state: 'inconclusive', outcome: 'inconclusive', pass: false },
      { metric: 'throughput', state: 'inconclusive', outcome: 'inconclusive', pass: false },
    ]);
    expect(lenient.verdicts[0].reason).toMatch(/recorded on another machine \(cores 8 → 2\)/);
    expect(lenient.state).toBe('passed');
    const [strict] = mergeTests(onSplit2('fail'), root);
    expect(strict.state).toBe('failed');
    expect(strict.errors).toHaveLength(2);
    // The merge's breaches (its exit code) follow the test, not `pass`.
    for (const [policy, breaches] of [
      ['pass', 0],
      ['fail', 2],
    ] as const) {
      const paths = onSplit2(policy).map((f) => {
        const path = join(root, `split-${policy}-${f.index}.json`);
        const results = {
          ...f.results,
          schema: PERF_RESULTS_SCHEMA,
          run: { hostname: 'h', date: 'd' },
        };
        writeFileSync(path, JSON.stringify(results));
        return path;
      });
      expect((await mergeSplitResults(paths, root)).breaches).toHaveLength(breaches);
    }
  });

  test('a split never writes a baseline: a missing one fails the split with how to record it', ({
    task,
  }) => {
    const lone = { ...state, currentTestName: 'suite > has no baseline' } as MatcherState;
    const run = splitRun(now, 0);
    const { pass } = toMatchPerfBaseline.call(lone, run, tolerances);
    const stress = (task.meta as { vitestStress?: StressMeta }).vitestStress!;
    const [verdict] = stress.verdicts.splice(0);
    expect(pass).toBe(false);
    expect(verdict).toMatchObject({
      matcher: 'toMatchPerfBaseline',
      pass: false,
      threshold: 'split',
    });
    expect(verdict.message).toMatch(
      new RegExp(
        String.raw`^toMatchPerfBaseline: no perf baseline for "suite > has no baseline" / default in .*: ` +
          String.raw`this run is split 1/3 of a split load \(STRESS_SPLIT\) and drives only its share, ` +
          'so it never writes a baseline\\.',
      ),
    );
  });
});
