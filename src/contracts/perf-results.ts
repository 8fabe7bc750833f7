// perf-results.json, the file the reporter writes and `vitest-stress merge` / `report` read.
// Documented in docs/reporter.md. Types and the schema constants only.
import type { AbResult } from './ab-result.js';
import type { CapacityMeta } from './capacity.js';
import type { RunMeta, SlaVerdict, TryMeta } from './meta.js';

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
    /** Tests that ran load(), measure(), compareTargets() or findCapacity(). */
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

/** Where and when the tests ran. */
export interface RunInfo {
  date: string;
  node: string;
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  totalMemoryMB: number;
  hostname: string;
  /** HEAD of the git checkout, null outside one. */
  gitSha: string | null;
  /** STRESS_PROFILE in force ('quick' when unset). */
  profile: string;
  ci: boolean;
}

/** One test as the reports see it. */
export interface TestRecord {
  /** Test file, relative to the project root. */
  file: string;
  project: string;
  name: string;
  fullName: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  durationMs: number;
  /** Failure messages. */
  errors: string[];
  runs: RunMeta[];
  verdicts: SlaVerdict[];
  /** compareTargets() results (per-round figures of both targets); absent when the test made none. */
  ab?: AbResult[];
  /** findCapacity() results (levels, knee, USL fit, attribution); absent when the test ran none. */
  capacity?: CapacityMeta[];
  /** context.annotate() notes, e.g. a suite's latency-by-size table. */
  annotations: Array<{ type: string; message: string }>;
  /** Passed only after a failed attempt (`retry`); the failed attempts' verdicts stay in `verdicts`. */
  flaky?: boolean;
  /** Every finished try (repetition, attempt, state), when the scope hook logged them. */
  tries?: TryMeta[];
}
