import { InvalidOptionError } from '../errors.js';
import type { LoadOptions } from '../options/load-options.js';
import { parseDurationMs, type Duration } from '../options/duration.js';
import {
  resolveMetricsSources,
  type MetricsSource,
  type MetricsSourceOptions,
} from './metrics-sources.js';

/** The SLA each level is judged against; every field optional, at least one required. */
export interface CapacitySla {
  /** Latency percentiles of successful responses must stay below these, in ms. */
  p50?: number;
  p95?: number;
  p99?: number;
  /** failed / finished must stay below this fraction (0..1]. */
  errorRate?: number;
  /** Finished requests per second must stay above this. */
  throughput?: number;
}

/** A range of load levels: users (closed model) or requests per second (open model). */
export interface LevelRange {
  from: number;
  to: number;
  /** Distance between stepped levels; default (to − from) / 4. */
  step?: number;
}

/** Options of findCapacity(): the load options of each level plus the search's own. */
export interface CapacityOptions extends Omit<
  LoadOptions,
  'users' | 'rate' | 'stages' | 'duration' | 'requests'
> {
  /** Closed model: concurrent users per level. */
  users?: LevelRange;
  /** Open model: requests per second per level. */
  rate?: LevelRange;
  sla: CapacitySla;
  /** How long each level runs, default '5s'. An inconclusive level is run again twice as long. */
  levelDuration?: Duration;
  /** One-sided confidence of each bound, in (0.5, 1); default 0.95. */
  confidence?: number;
  /** How many times an inconclusive level is extended (run again, twice as long); default 2. */
  maxExtensions?: number;
  /** Bisection stops when last pass and first fail are this close; default 1 user / 5% of rate. */
  resolution?: number;
  /**
   * Between levels, wait until the target holds nothing of the last level (its in-flight, busy and
   * queue gauges on /metrics all 0), at most `timeout` (default '10s'), then `quiet` more (default
   * '250ms'). A plain duration is the timeout; 0 skips the settle. See drainTarget().
   */
  settle?: Duration | { timeout?: Duration; quiet?: Duration };
  /**
   * Sample the target's Prometheus metrics during each level for attribution: default /metrics on
   * the target's host; a list samples several jobs (`job` names them in the readings); false turns
   * it off (attribution then says it was not possible).
   */
  metrics?: false | MetricsSourceOptions | MetricsSourceOptions[];
  /** Bound on the whole search's wall time, default '10m'; past it the search stops and says so. */
  maxWallTime?: Duration;
}

/** Validated search options, with units in the names. */
export interface ResolvedCapacityOptions {
  model: 'closed' | 'open';
  fromLevel: number;
  toLevel: number;
  stepLevel: number;
  sla: CapacitySla;
  levelDurationMs: number;
  confidence: number;
  maxExtensions: number;
  resolution: number;
  /** Longest wait for the target to drain between levels, then the quiet time after it; ms. */
  settleTimeoutMs: number;
  settleQuietMs: number;
  maxWallTimeMs: number;
  /** The /metrics sources sampled during each level, undefined when off. */
  metrics: MetricsSource[] | undefined;
  /** The load options shared by every level. */
  load: Omit<LoadOptions, 'users' | 'rate' | 'duration'>;
}

const SLA_KEYS = ['p50', 'p95', 'p99', 'errorRate', 'throughput'] as const;
const OWN_KEYS = new Set([
  'users',
  'rate',
  'sla',
  'levelDuration',
  'confidence',
  'maxExtensions',
  'resolution',
  'settle',
  'maxWallTime',
  'metrics',
  'stages',
  'duration',
  'requests',
]);

/** Check findCapacity() options; throws InvalidOptionError naming the field and what is allowed. */
export function resolveCapacityOptions(options: CapacityOptions): ResolvedCapacityOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', options, 'an object such as { target, users, sla }');
  }
  const raw = options as unknown as Record<string, unknown>;
  for (const key of ['stages', 'duration', 'requests'] as const) {
    if (raw[key] !== undefined) {
      throw new InvalidOptionError(
        key,
        raw[key],
        'nothing: findCapacity sets each level itself (use levelDuration)',
      );
    }
  }
  const model = modelOf(options);
  const range = model === 'closed' ? options.users! : options.rate!;
  const field = model === 'closed' ? 'users' : 'rate';
  const { fromLevel, toLevel, stepLevel } = resolveRange(range, field, model);
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== 'number' || !(confidence > 0.5 && confidence < 1)) {
    throw new InvalidOptionError('confidence', confidence, 'a number in (0.5, 1) such as 0.95');
  }
  const maxExtensions = options.maxExtensions ?? 2;
  if (!Number.isInteger(maxExtensions) || maxExtensions < 0 || maxExtensions > 5) {
    throw new InvalidOptionError('maxExtensions', maxExtensions, 'an integer in 0..5');
  }
  const resolution = options.resolution ?? (model === 'closed' ? 1 : Math.max(1, fromLevel * 0.05));
  if (typeof resolution !== 'number' || !(resolution > 0)) {
    throw new InvalidOptionError('resolution', resolution, 'a number > 0 (users or rps)');
  }
  if (model === 'closed' && !Number.isInteger(resolution)) {
    throw new InvalidOptionError('resolution', resolution, 'a whole number of users');
  }
  const load: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (!OWN_KEYS.has(k)) load[k] = v;
  return {
    model,
    fromLevel,
    toLevel,
    stepLevel,
    sla: resolveSla(options.sla),
    confidence,
    maxExtensions,
    resolution,
    levelDurationMs: positiveMs(options.levelDuration ?? '5s', 'levelDuration'),
    ...resolveSettle(options.settle),
    maxWallTimeMs: positiveMs(options.maxWallTime ?? '10m', 'maxWallTime'),
    metrics: resolveMetricsSources(options),
    load: load as ResolvedCapacityOptions['load'],
  };
}

const DEFAULT_QUIET_MS = 250;

function resolveSettle(settle: CapacityOptions['settle']) {
  if (typeof settle === 'object' && settle !== null) {
    const timeout = parseDurationMs(settle.timeout ?? '10s', 'settle.timeout', { allowZero: true });
    const quiet = settle.quiet ?? DEFAULT_QUIET_MS;
    return {
      settleTimeoutMs: timeout,
      settleQuietMs: parseDurationMs(quiet, 'settle.quiet', { allowZero: true }),
    };
  }
  const timeout = parseDurationMs(settle ?? '10s', 'settle', { allowZero: true });
  return { settleTimeoutMs: timeout, settleQuietMs: Math.min(timeout, DEFAULT_QUIET_MS) };
}

function modelOf(options: CapacityOptions): 'closed' | 'open' {
  if (options.users !== undefined && options.rate !== undefined) {
    throw new InvalidOptionError(
      'rate',
      options.rate,
      'not both users and rate: pick the closed or the open model',
    );
  }
  if (options.users !== undefined) return 'closed';
  if (options.rate !== undefined) return 'open';
  throw new InvalidOptionError(
    'users',
    undefined,
    '{ from, to, step? } (closed model), or give rate (open model)',
  );
}

function resolveRange(range: LevelRange, field: string, model: 'closed' | 'open') {
  if (typeof range !== 'object' || range === null)
    throw new InvalidOptionError(field, range, '{ from, to, step? }');
  const whole = model === 'closed';
  const ok = (v: unknown): v is number =>
    typeof v === 'number' && Number.isFinite(v) && v > 0 && (!whole || Number.isInteger(v));
  const what = whole ? 'a whole number of users > 0' : 'a rate in rps > 0';
  if (!ok(range.from)) throw new InvalidOptionError(`${field}.from`, range.from, what);
  if (!ok(range.to) || range.to < range.from)
    throw new InvalidOptionError(`${field}.to`, range.to, `${what}, >= ${field}.from`);
  const fallback = whole
    ? Math.max(1, Math.round((range.to - range.from) / 4))
    : Math.max(1, (range.to - range.from) / 4);
  const step = range.step ?? fallback;
  if (!ok(step)) throw new InvalidOptionError(`${field}.step`, range.step, what);
  return { fromLevel: range.from, toLevel: range.to, stepLevel: step };
}

function resolveSla(sla: CapacitySla): CapacitySla {
  if (typeof sla !== 'object' || sla === null)
    throw new InvalidOptionError('sla', sla, '{ p95?, p99?, p50?, errorRate?, throughput? }');
  const keys = Object.keys(sla);
  const unknown = keys.find((k) => !(SLA_KEYS as readonly string[]).includes(k));
  if (unknown !== undefined)
    throw new InvalidOptionError(
      `sla.${unknown}`,
      (sla as Record<string, unknown>)[unknown],
      `one of ${SLA_KEYS.join(', ')}`,
    );
  if (keys.length === 0)
    throw new InvalidOptionError(
      'sla',
      sla,
      'at least one of p95, p99, p50, errorRate, throughput',
    );
  for (const key of SLA_KEYS) {
    const v = sla[key];
    if (v === undefined) continue;
    const fraction = key === 'errorRate';
    if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0) || (fraction && v > 1)) {
      throw new InvalidOptionError(
        `sla.${key}`,
        v,
        fraction ? 'a fraction in (0, 1]' : 'a number > 0',
      );
    }
  }
  return { ...sla };
}

function positiveMs(value: Duration, field: string): number {
  const ms = parseDurationMs(value, field);
  if (!(ms > 0)) throw new InvalidOptionError(field, value, 'a duration > 0');
  return ms;
}
