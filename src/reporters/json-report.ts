import { finalAttempts, isFinalAttempt } from './attempts.js';
import type { TestRecord } from '../contracts/perf-results.js';
import type { RunInfo } from '../contracts/perf-results.js';
import {
  PERF_RESULTS_SCHEMA,
  PERF_RESULTS_SCHEMA_VERSION,
  type PerfResultsFile,
} from '../contracts/perf-results.js';

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
      perfTests: tests.filter(
        (t) => t.runs.length > 0 || (t.ab?.length ?? 0) > 0 || (t.capacity?.length ?? 0) > 0,
      ).length,
      slaPassed: verdicts.filter((v) => v.pass).length,
      slaFailed: verdicts.filter((v) => !v.pass && v.state !== 'inconclusive').length,
      slaInconclusive: verdicts.filter((v) => v.state === 'inconclusive').length,
      flaky: tests.filter((t) => t.flaky === true).length,
      slaProvisional: all.length - verdicts.length,
    },
    tests,
  };
}
