import type { HistoryPoint, HistoryRecord } from './history-record.js';

/** The metrics a history keeps per test and run. */
export type HistoryMetric = 'p50' | 'p95' | 'p99' | 'errorRate' | 'throughput';
export const HISTORY_METRICS: readonly HistoryMetric[] = [
  'p50',
  'p95',
  'p99',
  'errorRate',
  'throughput',
];

/** Whether a higher value is worse (latency, error rate) or better (throughput). */
export function higherIsWorse(metric: HistoryMetric): boolean {
  return metric !== 'throughput';
}

/** One point of a series: a run's figure and which CI run it came from. */
export interface SeriesPoint {
  value: number;
  runId: string;
  commit: string | null;
  date: string;
}

/** One test × load × metric over the runs of one machine fingerprint and profile, oldest first. */
export interface HistorySeries {
  test: string;
  run: string;
  metric: HistoryMetric;
  /** The fingerprint and profile shared by every point, as one string. */
  group: string;
  points: SeriesPoint[];
}

/** A run's comparability key: machine fingerprint and profile. Runs with different keys are never mixed. */
export function groupKey(record: HistoryRecord): string {
  const f = record.fingerprint;
  return `${f.cores}× ${f.cpuModel}, Node ${f.nodeMajor}, ${f.platform}-${f.arch}, profile ${record.profile}`;
}

/**
 * The series of `metric` per test and load among the records (oldest first) sharing the
 * group of `records`' newest one (or `group` when given). Runs where the figure is null
 * (no samples) are left out of that series.
 */
export function seriesOf(
  records: readonly HistoryRecord[],
  metric: HistoryMetric,
  group?: string,
): HistorySeries[] {
  const wanted = group ?? (records.length ? groupKey(records[records.length - 1]) : undefined);
  const byKey = new Map<string, HistorySeries>();
  for (const record of records) {
    if (groupKey(record) !== wanted) continue;
    for (const point of record.points) {
      const value = (point as HistoryPoint)[metric];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      const key = `${point.test}\u0000${point.run}`;
      let series = byKey.get(key);
      if (!series)
        byKey.set(
          key,
          (series = {
            test: point.test,
            run: point.run,
            metric,
            group: wanted as string,
            points: [],
          }),
        );
      series.points.push({ value, runId: record.runId, commit: record.commit, date: record.date });
    }
  }
  return [...byKey.values()];
}
