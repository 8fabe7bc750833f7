// Runs the example of docs/distributed.md "A merged run against a baseline" on files written the
// way the reporter, `vitest-stress merge` and toMatchPerfBaseline write them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { toBaselineEntry } from '../../src/baseline/baseline-entry.js';
import { writeEntry } from '../../src/baseline/baseline-file.js';
import { mergeRun } from '../../src/merge/merge-run.js';
import { createRandom } from '../../src/random/random.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { fakeRun } from '../helpers/fake-run.js';
import { noisyRun } from '../helpers/noisy-run.js';
import { compareMerged } from './merged-baseline-example.js';

const dir = mkdtempSync(join(tmpdir(), 'vs-merged-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TEST = 'checkout > under load';
const baselineFile = join(dir, 'checkout.perf.ts.json');
writeEntry(baselineFile, toBaselineEntry(TEST, noisyRun(1)));

/** A merged perf-results.json of 3 splits that ran one seeded load (latencies × `scale`). */
function mergedFile(name: string, seed: number, scale: number): string {
  const random = createRandom(seed); // noisyRun's latencies, dealt round-robin to the splits
  const requests = Array.from({ length: 3000 }, () => ({
    latencyMs: scale * (20 - 10 * Math.log(1 - random())),
  }));
  const parts = [1, 2, 3].map((index) => {
    const result = fakeRun(
      requests.filter((_, i) => i % 3 === index - 1),
      { durationMs: 30_000 },
    );
    result.split = { index, count: 3, startAt: 0, lateStartMs: 0, warnings: [] };
    return { split: index, run: toRunMeta(result) };
  });
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ tests: [{ fullName: TEST, runs: [mergeRun(parts)] }] }));
  return path;
}

describe('compareMerged (docs/distributed.md)', () => {
  test('the same load, split in 3 and merged: unchanged against the one-process baseline', () => {
    const out = compareMerged(mergedFile('same.json', 2, 1), baselineFile, TEST);
    expect(out.map((c) => c.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  test('a 30% slower split load: p95 regression', () => {
    const [p95] = compareMerged(mergedFile('slower.json', 3, 1.3), baselineFile, TEST);
    expect(p95).toMatchObject({ outcome: 'regression' });
  });
});
