import { InvalidOptionError } from '../../errors.js';
import { parseDurationMs } from '../../options/duration.js';
import {
  DEFAULT_JOBS,
  seedQueries,
  type SeedQueryName,
  type SeedQueryOptions,
} from '../prometheus/queries.js';
import type { AlertRule } from './rule.js';

/** Options of seedAlertRules(): how the PromQL is written and how long rate windows are. */
export interface SeedAlertOptions extends Omit<SeedQueryOptions, 'window'> {
  /** rate() window, in PromQL and in the evaluator; default '1m'. */
  window?: string;
}

/** The seed's MongoDB pool metric, exported by the reference service when MongoDB is the audit store. */
export const MONGO_CONNECTIONS_METRIC = 'mongodb_driver_pool_connections';

/**
 * Server metrics the seed's rules read from a run: pass them to loadWithMetrics()
 * (`names: [...DEFAULT_METRIC_NAMES, ...ALERT_METRIC_NAMES]`) so memory, CPU and MongoDB rules have data.
 */
export const ALERT_METRIC_NAMES: readonly string[] = Object.freeze([
  'process_resident_memory_bytes',
  'process_cpu_seconds_total',
  MONGO_CONNECTIONS_METRIC,
]);

/** 500 MB in bytes (the seed writes 500 * 1024 * 1024). */
const BACKEND_MEMORY_BYTES = 500 * 1024 * 1024;

/**
 * The seed's alert rules. Critical: error rate > 15% for 5 min, p95 latency > 10 s, backend
 * resident memory > 500 MB, MongoDB connections > 90. Warning: error rate > 5% for 5 min,
 * CPU > 90% for 10 min, MongoDB connections > 80. `for` windows are as written (full length);
 * the evaluator scales them with the profile.
 */
export function seedAlertRules(options: SeedAlertOptions = {}): AlertRule[] {
  const window = options.window ?? '1m';
  const windowS = parseDurationMs(window, 'window') / 1000;
  if (!Number.isInteger(windowS) || windowS < 1)
    throw new InvalidOptionError(
      'window',
      window,
      "a whole number of seconds >= 1, such as '1m' or '15s'",
    );
  const queries = seedQueries({ ...options, window });
  const expr = (name: SeedQueryName) => queries.find((q) => q.name === name)!.expr;
  const backend = options.backendJob ?? DEFAULT_JOBS.backend;
  const errorRate = {
    expr: expr('errorRate'),
    unit: 'fraction',
    signal: { kind: 'errorRate', windowS },
  } as const;
  const mongo = {
    expr: expr('mongoConnections'),
    unit: 'connections',
    forMs: 0,
    signal: { kind: 'gauge', metric: MONGO_CONNECTIONS_METRIC },
  } as const;
  return [
    {
      name: 'EthixErrorRateCritical',
      severity: 'critical',
      summary: 'Error rate above 15% for 5 minutes',
      threshold: 0.15,
      forMs: 300_000,
      ...errorRate,
    },
    {
      name: 'EthixP95LatencyCritical',
      severity: 'critical',
      summary: 'p95 latency above 10 s',
      expr: expr('p95Latency'),
      threshold: 10,
      forMs: 0,
      unit: 's',
      signal: { kind: 'p95Seconds' },
    },
    {
      name: 'EthixBackendMemoryCritical',
      severity: 'critical',
      summary: 'Backend resident memory above 500 MB',
      expr: `process_resident_memory_bytes{job="${backend}"}`,
      threshold: BACKEND_MEMORY_BYTES,
      forMs: 0,
      unit: 'bytes',
      signal: { kind: 'gauge', metric: 'process_resident_memory_bytes' },
    },
    {
      name: 'EthixMongoConnectionsCritical',
      severity: 'critical',
      summary: 'MongoDB connections above 90',
      threshold: 90,
      ...mongo,
    },
    {
      name: 'EthixErrorRateWarning',
      severity: 'warning',
      summary: 'Error rate above 5% for 5 minutes',
      threshold: 0.05,
      forMs: 300_000,
      ...errorRate,
    },
    {
      name: 'EthixCpuWarning',
      severity: 'warning',
      summary: 'CPU above 90% for 10 minutes',
      expr: expr('cpu'),
      threshold: 0.9,
      forMs: 600_000,
      unit: 'cores',
      signal: { kind: 'rate', metric: 'process_cpu_seconds_total', windowS },
    },
    {
      name: 'EthixMongoConnectionsWarning',
      severity: 'warning',
      summary: 'MongoDB connections above 80',
      threshold: 80,
      ...mongo,
    },
  ];
}

/** Copies of `rules` with every `for` window set by `forMs(rule)` (e.g. short windows for a test). */
export function withForWindows(
  rules: readonly AlertRule[],
  forMs: (rule: AlertRule) => number,
): AlertRule[] {
  return rules.map((rule) => ({ ...rule, forMs: forMs(rule) }));
}
