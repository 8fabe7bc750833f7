import { join } from 'node:path';
import { MergeError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { buildJsonReport } from '../reporters/json-report.js';
import type { PerfResultsFile } from '../contracts/perf-results.js';
import { buildJunitReport } from '../reporters/junit-report.js';
import { runInfo } from '../reporters/run-info.js';
import type { TestRecord } from '../contracts/perf-results.js';
import type { SlaVerdict } from '../contracts/meta.js';
import { mergeTests } from './merge-tests.js';
import { checkSplits, readSplitFile } from './split-file.js';

/** Where each merged split came from. */
export interface MergedSplitSource {
  index: number;
  path: string;
  hostname: string;
  date: string;
}

/** The merged perf-results.json: the reporter's format, plus the splits it was made of. */
export type MergedPerfResults = PerfResultsFile & { splits: MergedSplitSource[] };

/** The outcome of merging split results. */
export interface MergeOutcome {
  results: MergedPerfResults;
  junit: string;
  /** Failed verdicts after re-judging: non-empty means the whole load breached an SLA. */
  breaches: Array<{ test: string; verdict: SlaVerdict }>;
}

/**
 * Merge the perf-results.json files of every split of a load into the results of the whole:
 * checks that splits 1..count are all there once and none failed (MergeError naming them),
 * merges each test's runs exactly (HDR histograms added) and re-judges its provisional SLAs.
 */
export async function mergeSplitResults(
  paths: readonly string[],
  root = process.cwd(),
): Promise<MergeOutcome> {
  if (paths.length === 0) throw new MergeError('no perf-results.json files given to merge');
  const files = await Promise.all(paths.map((p) => readSplitFile(p)));
  checkSplits(files);
  files.sort((a, b) => a.index - b.index);
  const tests: TestRecord[] = mergeTests(files, root);
  const info = runInfo(root);
  const splits = files.map((f) => ({
    index: f.index,
    path: f.path,
    hostname: f.results.run.hostname,
    date: f.results.run.date,
  }));
  // The verdicts that failed their merged test (an inconclusive one under policy 'pass' does not).
  const breaches = tests.flatMap((t) =>
    t.verdicts
      .filter((v) => !v.pass && t.errors.includes(v.message))
      .map((verdict) => ({ test: t.fullName, verdict })),
  );
  return {
    results: { ...buildJsonReport(tests, info), splits },
    junit: buildJunitReport(tests, info),
    breaches,
  };
}

/** Write the merged perf-results.json and junit.xml into `dir`, each atomically. */
export async function writeMergedReports(outcome: MergeOutcome, dir: string): Promise<void> {
  await writeFileAtomic(
    join(dir, 'perf-results.json'),
    `${JSON.stringify(outcome.results, null, 2)}\n`,
  );
  await writeFileAtomic(join(dir, 'junit.xml'), outcome.junit);
}
