import { readFile } from 'node:fs/promises';
import { MergeError } from '../errors.js';
import type { PerfResultsFile } from '../contracts/perf-results.js';
import { PERF_RESULTS_SCHEMA } from '../contracts/perf-results.js';

/** One split's perf-results.json, with the split it ran as. */
export interface SplitFile {
  path: string;
  /** 1..count. */
  index: number;
  count: number;
  results: PerfResultsFile;
}

/**
 * Read one split's perf-results.json and find which split it is from the `split` section its
 * runs recorded. Throws MergeError for a file that is not JSON, not a perf-results file, has no
 * split runs, or mixes splits.
 */
export async function readSplitFile(path: string): Promise<SplitFile> {
  let results: PerfResultsFile;
  try {
    results = JSON.parse(await readFile(path, 'utf8')) as PerfResultsFile;
  } catch (error) {
    throw new MergeError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (results?.schema !== PERF_RESULTS_SCHEMA || !Array.isArray(results.tests)) {
    throw new MergeError(
      `${path} is not a vitest-stress perf-results.json (schema "${PERF_RESULTS_SCHEMA}")`,
    );
  }
  const seen = new Set<string>();
  for (const test of results.tests)
    for (const run of test.runs) if (run.split) seen.add(`${run.split.index}/${run.split.count}`);
  if (seen.size === 0)
    throw new MergeError(
      `${path} holds no split runs: run the splits with STRESS_SPLIT=<index>/<count> (or the split option)`,
    );
  if (seen.size > 1)
    throw new MergeError(
      `${path} mixes runs of splits ${[...seen].join(', ')}: one file per split`,
    );
  const [index, count] = [...seen][0].split('/').map(Number);
  return { path, index, count, results };
}

/**
 * Check that the files are the splits 1..count of one load, each once, and that none failed.
 * Throws MergeError naming the missing, duplicated or failed splits.
 */
export function checkSplits(files: readonly SplitFile[]): void {
  const counts = new Set(files.map((f) => f.count));
  if (counts.size > 1)
    throw new MergeError(
      'the files come from loads split different ways: ' +
        `${files.map((f) => `${f.path} is ${f.index}/${f.count}`).join('; ')}`,
    );
  const count = files[0].count;
  const byIndex = new Map<number, SplitFile[]>();
  for (const f of files) byIndex.set(f.index, [...(byIndex.get(f.index) ?? []), f]);
  const twice = [...byIndex].filter(([, list]) => list.length > 1);
  if (twice.length > 0) {
    throw new MergeError(
      `split ${twice.map(([i, list]) => `${i}/${count} is in ${list.map((f) => f.path).join(' and ')}`).join('; ')}`,
      twice.map(([i]) => i),
    );
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new MergeError(
      `missing split${missing.length > 1 ? 's' : ''} ` +
        `${missing.map((i) => `${i}/${count}`).join(', ')}: got ` +
        `${[...byIndex.keys()].sort((a, b) => a - b).join(', ')} of ${count}`,
      missing,
    );
  }
  const failed = files
    .filter((f) => f.results.tests.some((t) => t.state === 'failed'))
    .sort((a, b) => a.index - b.index);
  if (failed.length > 0) {
    const which = failed.map((f) => {
      const test = f.results.tests.find((t) => t.state === 'failed')!;
      return `split ${f.index}/${count} (${f.path}): "${test.fullName}" failed: ${test.errors[0] ?? 'no message'}`;
    });
    throw new MergeError(
      `split run failed, nothing to merge: ${which.join('; ')}`,
      failed.map((f) => f.index),
    );
  }
}
