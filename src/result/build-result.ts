import type { ResolvedLoadOptions } from '../options/load-options.js';
import type { RecorderReport } from '../recorder/recorder.js';
import { InvalidOptionError } from '../errors.js';
import { defineLazy } from '../recorder/lazy-property.js';
import type { LoadModel, ResultEngine, RunResult, RunSummary } from '../contracts/run-result.js';

export const MEASURED = {
  closed: 'service time (closed model)',
  open: 'response time from intended send (open model)',
  'in-process': 'call duration (in-process)',
} as const satisfies Record<LoadModel, string>;

/** A run result with its phase(name) accessor (not enumerable, so JSON stays plain). */
export type RunResultWithPhases = RunResult & {
  phase(name: string): RunSummary;
  scenario(name: string): RunSummary;
};

export interface BuildResultInput {
  report: RecorderReport;
  model: LoadModel;
  engine: ResultEngine;
  profile: string;
  target: string;
  startedAt: Date;
  warnings: string[];
  options: Record<string, unknown>;
}

/** Assemble the plain result object from what the recorder measured. */
export function buildResult(input: BuildResultInput): RunResultWithPhases {
  const { report } = input;
  const result: RunResult = {
    kind: 'vitest-stress/run',
    schemaVersion: 1,
    model: input.model,
    measured: MEASURED[input.model],
    engine: input.engine,
    profile: input.profile,
    target: input.target,
    startedAt: input.startedAt.toISOString(),
    ...report.total,
    durationMs: Math.round(report.durationMs),
    timeline: report.timeline,
    scenarios: report.scenarios,
    phases: report.phases,
  } as RunResult;
  // Lazy: a run of millions of requests costs its ledger's objects only if something reads them.
  defineLazy(result, 'ledger', () => report.ledger);
  if (report.ledgerFile) result.ledgerFile = report.ledgerFile;
  result.secondHistograms = report.secondHistograms;
  result.warnings = input.warnings;
  result.options = input.options;
  return withAccessors(result);
}

/** Add the non-enumerable phase() and scenario() lookups to a result (also after JSON round trips). */
export function withAccessors(result: RunResult): RunResultWithPhases {
  const lookup =
    (kind: 'phases' | 'scenarios') =>
    (name: string): RunSummary => {
      const found = Object.hasOwn(result[kind], name) ? result[kind][name] : undefined;
      if (!found) {
        const known = Object.keys(result[kind]);
        throw new InvalidOptionError(
          kind === 'phases' ? 'phase' : 'scenario',
          name,
          known.length
            ? `one of ${known.join(', ')}`
            : `a ${kind.slice(0, -1)} name, but this run has none`,
        );
      }
      return found;
    };
  Object.defineProperty(result, 'phase', { value: lookup('phases'), enumerable: false });
  Object.defineProperty(result, 'scenario', { value: lookup('scenarios'), enumerable: false });
  return result as RunResultWithPhases;
}

/** The options as used, safe to serialise: functions and signals replaced by labels. */
export function describeOptions(options: ResolvedLoadOptions): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(options, (key, value) => {
      if (typeof value === 'function') return '[function]';
      if (key === 'signal') return value ? '[AbortSignal]' : undefined;
      if (key === 'target') return String(value);
      // Certificates are long and say nothing about the run: how many were trusted is enough.
      if (key === 'ca' && Array.isArray(value)) return `[${value.length} certificate(s)]`;
      return value;
    }),
  );
}
