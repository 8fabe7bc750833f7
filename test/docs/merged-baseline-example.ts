// The example of docs/distributed.md "A merged run against a baseline", as it is shown there
// (imports from 'vitest-stress/stats' and 'vitest-stress/split'); run by merged-baseline-example.test.ts.
// --8<-- [start:spec]
import { readFileSync } from 'node:fs';
import {
  compareToBaseline,
  parseTolerances,
  type BaselineEntry,
  type MetricComparison,
} from '../../src/entries/stats.js';
import type { MergedPerfResults } from '../../src/entries/split.js';

/**
 * Compare run `run` of test `test` in a merged perf-results.json with its entry in a baseline
 * file (`__perf__/<spec>.json`, as toMatchPerfBaseline wrote it from one process's run).
 */
export function compareMerged(
  mergedFile: string,
  baselineFile: string,
  test: string,
  run = 'default',
): MetricComparison[] {
  const merged = JSON.parse(readFileSync(mergedFile, 'utf8')) as MergedPerfResults;
  const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as { entries: BaselineEntry[] };
  const whole = merged.tests
    .find((t) => t.fullName === test)
    ?.runs.find((r) => (r.name ?? 'default') === run);
  const entry = baseline.entries.find((e) => e.test === test && e.run === run);
  if (!whole || !entry) throw new Error(`no run "${run}" of "${test}" in both files`);
  // compareToBaseline judges the figures only: comparable profile and model are yours to check.
  if (entry.profile !== whole.profile || entry.model !== whole.model)
    throw new Error(`the baseline was recorded at ${entry.profile}/${entry.model}`);
  const tolerances = parseTolerances({ p95: '+10%', errorRate: '+0.5pp', throughput: '-10%' });
  return compareToBaseline(entry, whole, tolerances, { confidence: 0.95, seed: 1 });
}
// --8<-- [end:spec]
