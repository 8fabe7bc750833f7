import { createHash } from 'node:crypto';
import type { MachineFingerprint } from '../baseline/fingerprint.js';
import type { PerfResultsFile } from '../contracts/perf-results.js';
import type { RunMeta } from '../contracts/meta.js';

export const HISTORY_SCHEMA = 'vitest-stress/history-run';

/** The figures of one load() of one test in one CI run. */
export interface HistoryPoint {
  /** The test's full name. */
  test: string;
  /** The load's `name` option, or 'run N' (1-based) when it has none. */
  run: string;
  /** Latency percentiles of successful responses, ms; null without samples. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** failed / finished, 0..1. */
  errorRate: number;
  /** Finished requests per second. */
  throughput: number;
  /** Latency samples and requests sent. */
  samples: number;
  requests: number;
  /** 95% distribution-free bounds of p95 and p99 (ms); null where too few samples. */
  intervals: { p95: [number | null, number | null]; p99: [number | null, number | null] } | null;
}

/** One CI run as the history keeps it: one small JSON file in the store. */
export interface HistoryRecord {
  schema: typeof HISTORY_SCHEMA;
  /** Unique per run; a second add with the same id is ignored. */
  runId: string;
  commit: string | null;
  branch: string | null;
  /** When the tests ran (ISO 8601, from the report). */
  date: string;
  fingerprint: MachineFingerprint;
  /** STRESS_PROFILE of the run: only runs of one fingerprint and profile are compared. */
  profile: string;
  points: HistoryPoint[];
}

function pointOf(test: string, run: RunMeta, index: number): HistoryPoint {
  const iv = run.intervals;
  const bounds = (p: 'p95' | 'p99'): [number | null, number | null] => [
    iv?.[p]?.lowMs ?? null,
    iv?.[p]?.highMs ?? null,
  ];
  return {
    test,
    run: run.name ?? `run ${index + 1}`,
    p50: run.latency.p50,
    p95: run.latency.p95,
    p99: run.latency.p99,
    errorRate: run.errorRate,
    throughput: run.throughput,
    samples: run.latency.count,
    requests: run.requests.total,
    intervals: iv ? { p95: bounds('p95'), p99: bounds('p99') } : null,
  };
}

/** The machine a report ran on, as a baseline fingerprint (cores, CPU, Node major, platform). */
export function fingerprintOfReport(report: PerfResultsFile): MachineFingerprint {
  const r = report.run;
  return {
    cores: r.cpus,
    cpuModel: r.cpuModel,
    nodeMajor: Number(String(r.node).replace(/^v/, '').split('.')[0]),
    platform: r.platform,
    arch: r.arch,
  };
}

/** A stable run id from the report's text: adding the same file twice adds it once. */
export function contentRunId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The history record of a report; a repeated load name keeps its last (final) run. */
export function toHistoryRecord(
  report: PerfResultsFile,
  identity: { runId: string; commit: string | null; branch: string | null },
): HistoryRecord {
  const points = new Map<string, HistoryPoint>();
  for (const test of report.tests) {
    (test.runs ?? []).forEach((run, i) => {
      const point = pointOf(test.fullName ?? test.name, run, i);
      points.set(`${point.test}\u0000${point.run}`, point);
    });
  }
  return {
    schema: HISTORY_SCHEMA,
    ...identity,
    date: report.run.date,
    fingerprint: fingerprintOfReport(report),
    profile: report.run.profile,
    points: [...points.values()],
  };
}

/** A whole history record (schema, run id, date, points, fingerprint). */
export function isHistoryRecord(value: unknown): value is HistoryRecord {
  const v = value as Partial<HistoryRecord> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.schema === HISTORY_SCHEMA &&
    typeof v.runId === 'string' &&
    typeof v.date === 'string' &&
    Array.isArray(v.points) &&
    typeof v.fingerprint === 'object' &&
    v.fingerprint !== null
  );
}

/** Oldest first: by date, then run id. Sorts in place and returns the array. */
export function sortRecords(records: HistoryRecord[]): HistoryRecord[] {
  return records.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0,
  );
}

/** What reading a store found: the runs, oldest first, and what was skipped and why. */
export interface StoreContents {
  records: HistoryRecord[];
  warnings: string[];
}
