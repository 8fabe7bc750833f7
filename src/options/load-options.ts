import type { TestRef } from '../vitest/explicit-test.js';
import type { LedgerOptions } from './ledger-option.js';
import type { JourneyOptions } from '../contracts/journeys.js';
import type { Duration } from './duration.js';
import type { SplitOptions } from './split-option.js';
import type { ResolvedTls, TlsOptions } from './tls.js';
import type { ResolvedUntil, UntilOptions } from '../sequential/until-options.js';

/** A request body: an object (sent as JSON), a string, or a function returning either per request. */
export type BodyOption = string | object | ((context: BodyContext) => string | object);

/** What a body function is given. */
export interface BodyContext {
  /** The request id sent with this request. */
  requestId: string;
  /** The scenario's name. */
  scenario: string;
}

/** One kind of request in the mix. */
export interface ScenarioOptions {
  name: string;
  /** Relative weight; a scenario is picked per request with probability weight / sum of weights. Default 1. */
  weight?: number;
  /** Default 'GET'. */
  method?: string;
  /** Path (and query) below the target, default '/'. */
  path?: string;
  headers?: Record<string, string>;
  body?: BodyOption;
}

/** One stage of a staged plan: give `users` (closed model) or `rate` (open model), not both. */
export interface StageOptions {
  name?: string;
  duration: Duration;
  users?: number;
  /** Requests per second. */
  rate?: number;
  /** Move linearly from the previous stage's level to this one over this time (true = the whole stage). */
  ramp?: boolean | Duration;
}

/**
 * Options of load(). At most one of `users`, `rate` or `stages` sets the model; with none, `users`
 * defaults to 10 (closed model).
 */
export interface LoadOptions {
  /** Base URL; loopback only unless allowRemote. */
  target: string;
  /** Closed model: concurrent virtual users (connections). */
  users?: number;
  /** Open model: requests per second, evenly spaced. */
  rate?: number;
  /** Staged plan (ramping users or ramping arrival rate). */
  stages?: StageOptions[];
  /** How long to run: ms or '30s', '5m'. */
  duration?: Duration;
  /** Or: how many requests to send in all. */
  requests?: number;
  /** Closed model: pause between a user's requests, fixed or uniform in [min, max]. */
  thinkTime?: Duration | { min: Duration; max: Duration };
  /** Per-request timeout, default '10s'. */
  timeout?: Duration;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** The request mix; default one scenario GET /. */
  scenarios?: ScenarioOptions[];
  /** Multi-step journeys instead of scenarios: each user (or arrival) walks one; see docs/journeys.md. */
  journeys?: JourneyOptions[];
  /** Header that carries the request id, default 'x-request-id'. */
  requestIdHeader?: string;
  /** Prefix of request ids, default 'vs-<run tag>-'. */
  requestIdPrefix?: string;
  /** Stops the run (within 1 s) when aborted. */
  signal?: AbortSignal;
  /** The test to record the run in: the test context (exact under any concurrency). Default: the calling test. */
  test?: TestRef;
  /** Allow a non-loopback target. */
  allowRemote?: boolean;
  /**
   * Keep the per-request ledger (default true: in memory, moving to a file in the temporary
   * folder past 50 000 requests); false keeps none; { dir, keep, memoryRows } sets the file.
   */
  ledger?: boolean | LedgerOptions;
  /** Seed for scenario picks and think times (default: random, recorded in the result). */
  seed?: number;
  /** Open model: cap on requests in flight (default 1000). */
  maxInFlight?: number;
  /** Driver: 'auto' (default), 'autocannon' or 'undici'. */
  engine?: 'auto' | 'autocannon' | 'undici';
  /** Live progress line; default on for runs of 5 s or more unless VITEST_STRESS_PROGRESS=0. */
  progress?: boolean;
  /** A label for reports. */
  name?: string;
  /** Client-side chaos: this fraction of requests (seeded, 0..1) uses the shorter `timeout` and ends as a timeout. */
  clientTimeout?: { rate: number; timeout: Duration };
  /**
   * Drive one share of a load spread over several processes or machines (overrides STRESS_SPLIT);
   * see docs/distributed.md.
   */
  split?: SplitOptions;
  /**
   * https: targets: certificates to trust and whether to verify (default: verify against Node's
   * CAs). Same on every engine.
   */
  tls?: TlsOptions;
  /**
   * Stop when decided: judge these SLAs once a second while the run runs (with an always-valid
   * sequential method) and stop as soon as each is conclusively passed or failed; `duration` is
   * the maximum. See docs/trust.md.
   */
  until?: UntilOptions;
}

export interface ResolvedScenario {
  name: string;
  weight: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: BodyOption | undefined;
}

export interface ResolvedStage {
  name: string;
  durationMs: number;
  users?: number;
  rate?: number;
  /** ms over which the level moves linearly from the previous stage's; 0 = a step. */
  rampMs: number;
}

/** Validated options, with units in the names. */
export interface ResolvedLoadOptions {
  target: URL;
  model: 'closed' | 'open';
  users?: number;
  rate?: number;
  stages: ResolvedStage[];
  durationMs?: number;
  requests?: number;
  thinkTime?: { minMs: number; maxMs: number };
  timeoutMs: number;
  headers: Record<string, string>;
  scenarios: ResolvedScenario[];
  requestIdHeader: string;
  requestIdPrefix: string;
  signal?: AbortSignal;
  ledger: boolean;
  /** Set when `ledger` was given as an object. */
  ledgerFile?: LedgerOptions;
  seed: number;
  maxInFlight: number;
  engine: 'auto' | 'autocannon' | 'undici';
  progress: boolean | undefined;
  name?: string;
  /** Client-side chaos: `rate` (0..1) of requests use `timeoutMs` instead of the run's timeout. */
  clientTimeout?: { rate: number; timeoutMs: number };
  /** Set for https: targets (verification on unless turned off), undefined for http:. */
  tls?: ResolvedTls;
  /** Stop when decided (`until`): the SLAs watched while the run runs. */
  until?: ResolvedUntil;
}

export const LOAD_OPTION_KEYS = [
  'target',
  'users',
  'rate',
  'stages',
  'duration',
  'requests',
  'thinkTime',
  'timeout',
  'headers',
  'scenarios',
  'journeys',
  'requestIdHeader',
  'requestIdPrefix',
  'signal',
  'allowRemote',
  'ledger',
  'seed',
  'maxInFlight',
  'engine',
  'progress',
  'name',
  'clientTimeout',
  'tls',
  'until',
  'split',
] as const;
export const SCENARIO_KEYS = ['name', 'weight', 'method', 'path', 'headers', 'body'] as const;
export const STAGE_KEYS = ['name', 'duration', 'users', 'rate', 'ramp'] as const;
