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
    slaPassed: number;
    /** Verdicts that failed, inconclusive ones not included. */
    slaFailed: number;
    /** Verdicts with confidence whose interval straddled the threshold or lacked samples. */
    slaInconclusive: number;
  };
  tests: TestRecord[];
}

/** Build the JSON report from collected tests. */
export function buildJsonReport(tests: TestRecord[], run: RunInfo): PerfResultsFile {
  const verdicts = tests.flatMap((t) => t.verdicts);
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
    },
    tests,
  };
}
