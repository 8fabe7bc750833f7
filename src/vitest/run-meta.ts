import type { RunMeta } from '../contracts/meta.js';
import type { RunResult, RunSummary } from '../contracts/run-result.js';

const LEFT_OUT: ReadonlySet<string> = new Set<string>([
  'ledger',
  'options',
  'kind',
  'schemaVersion',
  'secondHistograms',
]);

/**
 * The run's figures without the ledger (which can hold millions of entries). A split run keeps
 * its histograms (summaries and seconds, about 1 KB a second) so the merge can add them.
 */
export function toRunMeta(result: RunResult): RunMeta {
  // Object.keys + reads of the other keys only: reading `ledger` would build it (it is lazy).
  const rest: Partial<Record<keyof RunResult, unknown>> = {};
  for (const key of Object.keys(result) as (keyof RunResult)[])
    if (!LEFT_OUT.has(key)) rest[key] = result[key];
  // A split run keeps its parts' histograms: the merge adds them to re-judge phases and scenarios.
  const keep = result.split !== undefined;
  const strip = <S extends RunSummary>(summaries: Record<string, S>) =>
    Object.fromEntries(
      Object.entries(summaries).map(([k, { histogram, ...s }]) => [
        k,
        keep ? { ...s, histogram } : s,
      ]),
    );
  const name = typeof result.options.name === 'string' ? result.options.name : undefined;
  return {
    ...rest,
    // ...and its seconds' histograms: the merged run's per-second figures and baseline comparisons.
    ...(keep && result.secondHistograms ? { secondHistograms: result.secondHistograms } : {}),
    ...(name ? { name } : {}),
    scenarios: strip(result.scenarios),
    phases: strip(result.phases),
    ...(result.steps ? { steps: strip(result.steps) } : {}),
    ...(result.journeys ? { journeys: strip(result.journeys) } : {}),
  } as RunMeta;
}
