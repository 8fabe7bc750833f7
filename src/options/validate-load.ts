import { resolveUntil } from '../sequential/until-options.js';
import { parseLedgerOption } from './ledger-option.js';
import { randomBytes } from 'node:crypto';
import { InvalidOptionError } from '../errors.js';
import { MAX_DURATION_MS, parseDurationMs } from './duration.js';
import { rejectUnknownKeys } from './closest-name.js';
import { parseTarget } from './target.js';
import { resolveTls } from './tls.js';
import {
  LOAD_OPTION_KEYS,
  SCENARIO_KEYS,
  STAGE_KEYS,
  type LoadOptions,
  type ResolvedLoadOptions,
  type ResolvedScenario,
  type ResolvedStage,
} from './load-options.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const HEADER_NAME_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What HTTP allows in a field value (RFC 9110: VCHAR, obs-text, SP, HTAB). */
const HEADER_VALUE_RE = /^[\t\x20-\x7e\x80-\xff]*$/;
const DEFAULT_USERS = 10;
const DEFAULT_DURATION_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_IN_FLIGHT = 1000;

/** Check a positive integer (or >= 0 with `min: 0`). */
export function expectInteger(value: unknown, field: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidOptionError(field, value, `an integer >= ${min}`);
  }
  return value;
}

/** Check a finite number > 0. */
export function expectPositive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(field, value, 'a number > 0');
  }
  return value;
}

function expectPlainObject(
  value: unknown,
  field: string,
  allowed: string,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidOptionError(field, value, allowed);
  return value as Record<string, unknown>;
}

function expectHeaders(value: unknown, field: string): Record<string, string> {
  if (value === undefined) return {};
  const headers = expectPlainObject(value, field, 'an object of header names to string values');
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(headers)) {
    if (!HEADER_NAME_RE.test(name))
      throw new InvalidOptionError(`${field}.${name}`, name, 'a valid HTTP header name');
    if (typeof v !== 'string' && typeof v !== 'number')
      throw new InvalidOptionError(`${field}.${name}`, v, 'a string');
    // CR, LF or NUL would end the header early and smuggle others into the raw request bytes.
    if (/[\r\n\0]/.test(String(v)))
      throw new InvalidOptionError(
        `${field}.${name}`,
        v,
        'a header value without CR, LF or NUL characters',
      );
    // Header bytes are Latin-1: undici refuses anything else per request, autocannon would send raw UTF-8.
    if (!HEADER_VALUE_RE.test(String(v))) {
      throw new InvalidOptionError(
        `${field}.${name}`,
        v,
        'a header value of Latin-1 characters (tab, U+0020..U+007E, U+0080..U+00FF); encode other text first',
      );
    }
    out[name.toLowerCase()] = String(v);
  }
  return out;
}

/** An object body is sent as JSON: a cycle or a BigInt would make every request fail, so refuse it now. */
function expectJsonable(body: object, field: string): void {
  try {
    JSON.stringify(body);
  } catch (error) {
    throw new InvalidOptionError(
      field,
      `[an object JSON cannot encode: ${(error as Error).message.split('\n')[0]}]`,
      'an object JSON.stringify can encode (no cycles, no BigInt)',
    );
  }
}

function resolveScenarios(value: unknown): ResolvedScenario[] {
  if (value === undefined)
    return [{ name: 'default', weight: 1, method: 'GET', path: '/', headers: {}, body: undefined }];
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidOptionError(
      'scenarios',
      value,
      'a non-empty array of { name, weight, method, path, headers, body }',
    );
  const names = new Set<string>();
  return value.map((raw, i) => {
    const field = `scenarios[${i}]`;
    const s = expectPlainObject(
      raw,
      field,
      'an object { name, weight, method, path, headers, body }',
    );
    rejectUnknownKeys(s, SCENARIO_KEYS, field);
    if (typeof s.name !== 'string' || s.name.length === 0)
      throw new InvalidOptionError(`${field}.name`, s.name, 'a non-empty string');
    if (names.has(s.name))
      throw new InvalidOptionError(`${field}.name`, s.name, 'a name no other scenario has');
    names.add(s.name);
    const weight = s.weight === undefined ? 1 : s.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0)
      throw new InvalidOptionError(`${field}.weight`, weight, 'a number > 0');
    const method = s.method === undefined ? 'GET' : String(s.method).toUpperCase();
    if (!METHODS.includes(method))
      throw new InvalidOptionError(`${field}.method`, s.method, `one of ${METHODS.join(', ')}`);
    const path = s.path === undefined ? '/' : s.path;
    if (typeof path !== 'string' || !path.startsWith('/'))
      throw new InvalidOptionError(`${field}.path`, path, "a path starting with '/'");
    if (!/^[\x21-\x7e]*$/.test(path))
      throw new InvalidOptionError(
        `${field}.path`,
        path,
        'a path of printable ASCII without spaces (percent-encode the rest)',
      );
    const body = s.body;
    if (
      body !== undefined &&
      typeof body !== 'string' &&
      typeof body !== 'function' &&
      (typeof body !== 'object' || body === null)
    ) {
      throw new InvalidOptionError(
        `${field}.body`,
        body,
        'an object (sent as JSON), a string, or a function returning one',
      );
    }
    if (body !== undefined && (method === 'GET' || method === 'HEAD'))
      throw new InvalidOptionError(`${field}.body`, '[body]', `no body with ${method}`);
    if (typeof body === 'object') expectJsonable(body, `${field}.body`);
    return {
      name: s.name,
      weight,
      method,
      path,
      headers: expectHeaders(s.headers, `${field}.headers`),
      body: body as ResolvedScenario['body'],
    };
  });
}

function resolveRamp(ramp: unknown, durationMs: number, field: string): number {
  if (ramp === undefined || ramp === false) return 0;
  if (ramp === true) return durationMs;
  const ms = parseDurationMs(ramp, field, { allowZero: true });
  if (ms > durationMs)
    throw new InvalidOptionError(field, ramp, `a ramp no longer than the stage (${durationMs} ms)`);
  return ms;
}

function resolveStages(value: unknown): ResolvedStage[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidOptionError(
      'stages',
      value,
      'a non-empty array of { name, duration, users | rate, ramp }',
    );
  let model: 'users' | 'rate' | undefined;
  const names = new Set<string>();
  const stages = value.map((raw, i) => {
    const field = `stages[${i}]`;
    const s = expectPlainObject(raw, field, 'an object { name, duration, users | rate, ramp }');
    rejectUnknownKeys(s, STAGE_KEYS, field);
    if (s.duration === undefined)
      throw new InvalidOptionError(`${field}.duration`, undefined, "a duration such as '30s'");
    const durationMs = parseDurationMs(s.duration, `${field}.duration`);
    if (s.users !== undefined && s.rate !== undefined)
      throw new InvalidOptionError(
        `${field}`,
        { users: s.users, rate: s.rate },
        'either users or rate in one stage, not both',
      );
    if (s.users === undefined && s.rate === undefined)
      throw new InvalidOptionError(
        `${field}.users`,
        undefined,
        'users (closed model) or rate (open model)',
      );
    const kind = s.users !== undefined ? 'users' : 'rate';
    if (model !== undefined && kind !== model)
      throw new InvalidOptionError(
        `${field}.${kind}`,
        s[kind],
        `${model}, like the stages before it (one model per plan)`,
      );
    model = kind;
    const name = s.name === undefined ? `stage-${i + 1}` : s.name;
    if (typeof name !== 'string' || name.length === 0)
      throw new InvalidOptionError(`${field}.name`, name, 'a non-empty string');
    if (names.has(name))
      throw new InvalidOptionError(
        `${field}.name`,
        name,
        'a name no other stage has (each stage is a phase of the result)',
      );
    names.add(name);
    const stage: ResolvedStage = {
      name,
      durationMs,
      rampMs: resolveRamp(s.ramp, durationMs, `${field}.ramp`),
    };
    if (kind === 'users') stage.users = expectInteger(s.users, `${field}.users`, 0);
    else {
      if (typeof s.rate !== 'number' || !Number.isFinite(s.rate) || s.rate < 0)
        throw new InvalidOptionError(
          `${field}.rate`,
          s.rate,
          'a number >= 0 (requests per second)',
        );
      stage.rate = s.rate;
    }
    return stage;
  });
  if (stages.every((s) => (s.users ?? s.rate ?? 0) === 0)) {
    throw new InvalidOptionError(
      `stages[0].${model}`,
      0,
      `${model} > 0 in at least one stage (this plan sends nothing)`,
    );
  }
  const totalMs = stages.reduce((sum, s) => sum + s.durationMs, 0);
  if (totalMs > MAX_DURATION_MS)
    throw new InvalidOptionError(
      'stages',
      `[${totalMs} ms in all]`,
      `stages lasting at most ${MAX_DURATION_MS} ms in all (24.8 days)`,
    );
  return stages;
}

function resolveClientTimeout(value: unknown): ResolvedLoadOptions['clientTimeout'] {
  if (value === undefined) return undefined;
  const c = expectPlainObject(value, 'clientTimeout', "an object { rate: 0..1, timeout: '1s' }");
  rejectUnknownKeys(c, ['rate', 'timeout'], 'clientTimeout');
  if (typeof c.rate !== 'number' || !Number.isFinite(c.rate) || c.rate < 0 || c.rate > 1) {
    throw new InvalidOptionError(
      'clientTimeout.rate',
      c.rate,
      'a fraction of requests from 0 to 1',
    );
  }
  return { rate: c.rate, timeoutMs: parseTimeoutMs(c.timeout, 'clientTimeout.timeout') };
}

/** A request timeout: timers cannot honour less than 1 ms, so less is refused rather than rounded. */
function parseTimeoutMs(value: unknown, field: string): number {
  const ms = parseDurationMs(value, field);
  if (ms < 1)
    throw new InvalidOptionError(
      field,
      value,
      'a timeout of at least 1 ms (timers cannot honour less)',
    );
  return ms;
}

function resolveThinkTime(value: unknown): ResolvedLoadOptions['thinkTime'] {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null) {
    const t = value as Record<string, unknown>;
    rejectUnknownKeys(t, ['min', 'max'], 'thinkTime');
    const minMs = parseDurationMs(t.min, 'thinkTime.min', { allowZero: true });
    const maxMs = parseDurationMs(t.max, 'thinkTime.max', { allowZero: true });
    if (minMs > maxMs)
      throw new InvalidOptionError(
        'thinkTime.min',
        t.min,
        `a think time no greater than thinkTime.max (${maxMs} ms)`,
      );
    return { minMs, maxMs };
  }
  const ms = parseDurationMs(value, 'thinkTime', { allowZero: true });
  return { minMs: ms, maxMs: ms };
}

/** The workload: a staged plan, or users or rate with a duration or a request count. */
function resolveWorkload(
  o: Record<string, unknown>,
): Pick<ResolvedLoadOptions, 'model' | 'users' | 'rate' | 'stages' | 'durationMs' | 'requests'> {
  if (o.stages !== undefined) {
    for (const key of ['users', 'rate', 'duration', 'requests'] as const) {
      if (o[key] !== undefined)
        throw new InvalidOptionError(
          key,
          o[key],
          'nothing when stages are given (each stage has its own)',
        );
    }
    const stages = resolveStages(o.stages);
    return { model: stages[0].rate !== undefined ? 'open' : 'closed', stages };
  }
  if (o.users !== undefined && o.rate !== undefined)
    throw new InvalidOptionError(
      'rate',
      o.rate,
      'either users (closed model) or rate (open model), not both',
    );
  const model = o.rate !== undefined ? 'open' : 'closed';
  const rate = o.rate !== undefined ? expectPositive(o.rate, 'rate') : undefined;
  const users =
    model === 'closed'
      ? o.users === undefined
        ? DEFAULT_USERS
        : expectInteger(o.users, 'users')
      : undefined;
  if (o.duration !== undefined && o.requests !== undefined)
    throw new InvalidOptionError('requests', o.requests, 'either duration or requests, not both');
  if (o.requests !== undefined)
    return { model, users, rate, stages: [], requests: expectInteger(o.requests, 'requests') };
  const durationMs =
    o.duration === undefined ? DEFAULT_DURATION_MS : parseDurationMs(o.duration, 'duration');
  return { model, users, rate, stages: [], durationMs };
}

/** Validate load() options: throws coded errors naming the field, the value and what is allowed. */
export function validateLoadOptions(input: LoadOptions): ResolvedLoadOptions {
  const o = expectPlainObject(input, 'options', 'an object with at least { target }') as Record<
    string,
    unknown
  >;
  rejectUnknownKeys(o, LOAD_OPTION_KEYS, 'load() options');
  if (o.allowRemote !== undefined && typeof o.allowRemote !== 'boolean')
    throw new InvalidOptionError('allowRemote', o.allowRemote, 'true or false');
  const target = parseTarget(o.target, o.allowRemote === true);

  const { model, users, rate, stages, durationMs, requests } = resolveWorkload(o);

  const thinkTime = resolveThinkTime(o.thinkTime);
  if (thinkTime && model === 'open')
    throw new InvalidOptionError(
      'thinkTime',
      o.thinkTime,
      'nothing in the open model (rate): arrivals do not wait for answers',
    );

  const engine = o.engine === undefined ? 'auto' : o.engine;
  if (engine !== 'auto' && engine !== 'autocannon' && engine !== 'undici')
    throw new InvalidOptionError('engine', engine, "'auto', 'autocannon' or 'undici'");
  const clientTimeout = resolveClientTimeout(o.clientTimeout);
  if (
    engine === 'autocannon' &&
    (model === 'open' || thinkTime || stages.length > 0 || clientTimeout)
  ) {
    throw new InvalidOptionError(
      'engine',
      engine,
      "'auto' or 'undici' for think time, stages, rate or clientTimeout (autocannon drives plain closed runs only)",
    );
  }

  const requestIdHeader = o.requestIdHeader === undefined ? 'x-request-id' : o.requestIdHeader;
  if (typeof requestIdHeader !== 'string' || !HEADER_NAME_RE.test(requestIdHeader))
    throw new InvalidOptionError('requestIdHeader', requestIdHeader, 'a valid HTTP header name');
  const seed =
    o.seed === undefined ? randomBytes(4).readUInt32LE(0) : expectInteger(o.seed, 'seed', 0);
  const requestIdPrefix =
    o.requestIdPrefix === undefined ? `vs-${randomBytes(4).toString('hex')}-` : o.requestIdPrefix;
  if (typeof requestIdPrefix !== 'string' || !/^[\x21-\x7e]{0,64}$/.test(requestIdPrefix))
    throw new InvalidOptionError(
      'requestIdPrefix',
      requestIdPrefix,
      'up to 64 printable ASCII characters without spaces',
    );
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal))
    throw new InvalidOptionError('signal', o.signal, 'an AbortSignal');
  const ledger = parseLedgerOption(o.ledger);
  for (const key of ['progress'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean')
      throw new InvalidOptionError(key, o[key], 'true or false');
  }
  if (o.name !== undefined && typeof o.name !== 'string')
    throw new InvalidOptionError('name', o.name, 'a string');

  return {
    target,
    model,
    users,
    rate,
    stages,
    durationMs,
    requests,
    thinkTime,
    timeoutMs: o.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseTimeoutMs(o.timeout, 'timeout'),
    headers: expectHeaders(o.headers, 'headers'),
    scenarios: resolveScenarios(o.scenarios),
    requestIdHeader: requestIdHeader.toLowerCase(),
    requestIdPrefix,
    signal: o.signal as AbortSignal | undefined,
    ...ledger,
    seed,
    maxInFlight:
      o.maxInFlight === undefined
        ? DEFAULT_MAX_IN_FLIGHT
        : expectInteger(o.maxInFlight, 'maxInFlight'),
    engine,
    progress: o.progress as boolean | undefined,
    name: o.name as string | undefined,
    clientTimeout,
    tls: resolveTls(o.tls, target),
    until:
      o.until === undefined
        ? undefined
        : resolveUntil(o.until, stages.length > 0 ? undefined : durationMs),
  };
}
