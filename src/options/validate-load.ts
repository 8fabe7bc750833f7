import { randomBytes } from 'node:crypto';
import { InvalidOptionError } from '../errors.js';
import { resolveUntil } from '../sequential/until-options.js';
import { rejectUnknownKeys } from './closest-name.js';
import { expectHeaders, HEADER_NAME_RE } from './headers.js';
import { parseLedgerOption } from './ledger-option.js';
import { LOAD_OPTION_KEYS, type LoadOptions, type ResolvedLoadOptions } from './load-options.js';
import { expectInteger, expectPlainObject } from './option-checks.js';
import { resolveScenarios } from './scenarios.js';
import { parseTarget } from './target.js';
import { parseTimeoutMs, resolveClientTimeout } from './timeouts.js';
import { resolveTls } from './tls.js';
import { resolveThinkTime, resolveWorkload, type Workload } from './workload.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_IN_FLIGHT = 1000;

/** The engine option: 'auto' unless given. */
function parseEngine(value: unknown): ResolvedLoadOptions['engine'] {
  const engine = value === undefined ? 'auto' : value;
  if (engine !== 'auto' && engine !== 'autocannon' && engine !== 'undici')
    throw new InvalidOptionError('engine', engine, "'auto', 'autocannon' or 'undici'");
  return engine;
}

/** autocannon drives plain closed runs only. */
function checkEngineFits(
  engine: ResolvedLoadOptions['engine'],
  { model, stages }: Workload,
  thinkTime: ResolvedLoadOptions['thinkTime'],
  clientTimeout: ResolvedLoadOptions['clientTimeout'],
): void {
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
}

/** The request-id header and prefix, and the seed: random ones when not given. */
function resolveIdentity(o: Record<string, unknown>) {
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
  return { requestIdHeader: requestIdHeader.toLowerCase(), requestIdPrefix, seed };
}

/** The run's controls: its abort signal, ledger, progress line and name. */
function resolveControls(o: Record<string, unknown>) {
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
    signal: o.signal as AbortSignal | undefined,
    ledger,
    progress: o.progress as boolean | undefined,
    name: o.name as string | undefined,
  };
}

/** Validate load() options: throws coded errors naming the field, the value and what is allowed. */
export function validateLoadOptions(input: LoadOptions): ResolvedLoadOptions {
  const o = expectPlainObject(input, 'options', 'an object with at least { target }');
  rejectUnknownKeys(o, LOAD_OPTION_KEYS, 'load() options');
  if (o.allowRemote !== undefined && typeof o.allowRemote !== 'boolean')
    throw new InvalidOptionError('allowRemote', o.allowRemote, 'true or false');
  const target = parseTarget(o.target, o.allowRemote === true);

  const workload = resolveWorkload(o);
  const { model, users, rate, stages, durationMs, requests } = workload;

  const thinkTime = resolveThinkTime(o.thinkTime);
  if (thinkTime && model === 'open')
    throw new InvalidOptionError(
      'thinkTime',
      o.thinkTime,
      'nothing in the open model (rate): arrivals do not wait for answers',
    );

  const engine = parseEngine(o.engine);
  const clientTimeout = resolveClientTimeout(o.clientTimeout);
  checkEngineFits(engine, workload, thinkTime, clientTimeout);
  const { requestIdHeader, requestIdPrefix, seed } = resolveIdentity(o);
  const { signal, ledger, progress, name } = resolveControls(o);

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
    requestIdHeader,
    requestIdPrefix,
    signal,
    ...ledger,
    seed,
    maxInFlight:
      o.maxInFlight === undefined
        ? DEFAULT_MAX_IN_FLIGHT
        : expectInteger(o.maxInFlight, 'maxInFlight'),
    engine,
    progress,
    name,
    clientTimeout,
    tls: resolveTls(o.tls, target),
    until:
      o.until === undefined
        ? undefined
        : resolveUntil(o.until, stages.length > 0 ? undefined : durationMs),
  };
}
