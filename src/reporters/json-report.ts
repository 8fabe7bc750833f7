import { finalAttempts, isFinalAttempt } from './attempts.js';
import type { TestRecord } from './collect.js';
import type { RunInfo } from './run-info.js';

export const PERF_RESULTS_SCHEMA = 'vitest-stress/perf-results';
export const PERF_RESULTS_SCHEMA_VERSION = 1;

/** perf-results.json: documented in docs/reporter.md. */
export interface PerfResultsFile {
  schema: typeof PERF_RESULTS_SCHEMA;
  schemaVersion: typeof PERF_RESULTS_SCHEMA_VERSION;
  run: RunInfo;
  totals: {
    tests: number;
    passed: number;
    failed: number;
    skipped: number;
    /** Tests that ran load(), measure() or compareTargets(). */
    perfTests: number;
    /** Verdicts of each repetition's final attempt only: a failed attempt that was retried is not counted. */
    slaPassed: number;
    /** Verdicts that failed, inconclusive ones not included. */
    slaFailed: number;
    /** Tests that passed only after a failed attempt. */
    flaky: number;
    /** Verdicts of a split run (STRESS_SPLIT), judged by `vitest-stress merge`; not in slaPassed/slaFailed. */
    slaProvisional: number;
    /** Verdicts with confidence whose interval straddled the threshold or lacked samples. */
    slaInconclusive: number;
  };
  tests: TestRecord[];
}

/** Build the JSON report from collected tests. */
export function buildJsonReport(tests: TestRecord[], run: RunInfo): PerfResultsFile {
  const all = tests.flatMap((t) => {
    const finals = finalAttempts(t);
    return t.verdicts.filter((v) => isFinalAttempt(v, finals));
  });
  const verdicts = all.filter((v) => !v.provisional);
  return {
    schema: PERF_RESULTS_SCHEMA,
    schemaVersion: PERF_RESULTS_SCHEMA_VERSION,
    run,
    totals: {
      tests: tests.length,
      passed: tests.filter((t) => t.state === 'passed').length,
      failed: tests.filter((t) => t.state === 'failed').length,
      skipped: tests.filter((t) => t.state === 'skipped' || t.state === 'pending').length,
      perfTests: tests.filter((t) => t.runs.length > 0 || (t.ab?.length ?? 0) > 0).length,
      slaPassed: verdicts.filter((v) => v.pass).length,
      slaFailed: verdicts.filter((v) => !v.pass && v.state !== 'inconclusive').length,
      slaInconclusive: verdicts.filter((v) => v.state === 'inconclusive').length,
      flaky: tests.filter((t) => t.flaky === true).length,
      slaProvisional: all.length - verdicts.length,
    },
    tests,
  };
}
