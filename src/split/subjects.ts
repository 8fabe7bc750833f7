import type { RunSummary } from '../contracts/run-result.js';

/** What a summary handed to a matcher is part of, in a split run: enough for the merge to re-judge it. */
export interface SplitSubject {
  /** Position of the run among the test's runs (task.meta.vitestStress.runs). */
  run: number;
  /** 'run' for the whole result, else the phase, scenario, journey step or journey and its name. */
  kind: 'run' | 'phase' | 'scenario' | 'step' | 'journey';
  name?: string;
}

const subjects = new WeakMap<object, SplitSubject>();

/**
 * Label a split run's result, phases and scenarios so that matchers can record which part they
 * judged: the verdict is provisional and the merge re-judges that same part of the merged run.
 */
export function labelSplitRun(
  result: {
    phases: Record<string, RunSummary>;
    scenarios: Record<string, RunSummary>;
    steps?: Record<string, RunSummary>;
    journeys?: Record<string, RunSummary>;
  },
  run: number,
): void {
  subjects.set(result, { run, kind: 'run' });
  const parts = [
    ['phase', result.phases],
    ['scenario', result.scenarios],
    ['step', result.steps ?? {}],
    ['journey', result.journeys ?? {}],
  ] as const;
  for (const [kind, map] of parts)
    for (const [name, summary] of Object.entries(map)) subjects.set(summary, { run, kind, name });
}

/** The label of a split run's summary, or undefined for anything else (then verdicts are final). */
export function splitSubjectOf(received: unknown): SplitSubject | undefined {
  return typeof received === 'object' && received !== null ? subjects.get(received) : undefined;
}
