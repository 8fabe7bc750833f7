import type { RunResult, RunSummary } from '../result/types.js';

/** One SLA check and its outcome, as a matcher left it in the test's meta. */
export interface SlaVerdict {
  /** Matcher name, e.g. 'toHaveP95Below'. */
  matcher: string;
  /** What was judged, e.g. 'p95', 'errorRate', 'throughput'. */
  metric: string;
  /** Unit of threshold and observed: 'ms', 'fraction', 'rps', ... */
  unit: string;
  threshold: number | string;
  /** The measured value; null when there was nothing to judge. */
  observed: number | null;
  /** True when the expectation held (after `.not`). */
  pass: boolean;
  /** True when used with `.not`. */
  negated: boolean;
  /** The failure (or, for `.not`, the would-be failure) text. */
  message: string;
  /** Phase or scenario judged, when not the whole run. */
  subject?: string;
}

/** The parts of a RunResult that stay out of the reports (the ledger can hold millions of entries). */
type LeftOut = 'ledger' | 'options' | 'kind' | 'schemaVersion';

/** A load result as carried into the reports: summaries, timeline and optional sections, no per-request ledger. */
export interface RunMeta extends Omit<RunResult, LeftOut | 'scenarios' | 'phases'> {
  /** The run's `name` option, when given. */
  name?: string;
  scenarios: Record<string, Omit<RunSummary, 'histogram'>>;
  phases: Record<string, Omit<RunSummary, 'histogram'>>;
}

/** What vitest-stress keeps in a test's `task.meta.vitestStress`. */
export interface StressMeta {
  runs: RunMeta[];
  verdicts: SlaVerdict[];
}

declare module 'vitest' {
  interface TaskMeta {
    vitestStress?: StressMeta;
  }
}

const LEFT_OUT: ReadonlySet<string> = new Set<LeftOut>(['ledger', 'options', 'kind', 'schemaVersion']);

/** The run's figures without the ledger (which can hold millions of entries). */
export function toRunMeta(result: RunResult): RunMeta {
  // Object.keys + reads of the other keys only: reading `ledger` would build it (it is lazy).
  const rest: Partial<Record<keyof RunResult, unknown>> = {};
  for (const key of Object.keys(result) as (keyof RunResult)[]) if (!LEFT_OUT.has(key)) rest[key] = result[key];
  const strip = (summaries: Record<string, RunSummary>) =>
    Object.fromEntries(Object.entries(summaries).map(([k, { histogram: _h, ...s }]) => [k, s]));
  const name = typeof result.options.name === 'string' ? result.options.name : undefined;
  return { ...rest, ...(name ? { name } : {}), scenarios: strip(result.scenarios), phases: strip(result.phases) } as RunMeta;
}
