import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from '../options/closest-name.js';
import { parseDurationMs } from '../options/duration.js';
import { validateBody } from '../options/request-body.js';
import type {
  CaptureSpec,
  CheckFunction,
  Feeder,
  JourneyOptions,
  JourneyVars,
  StepOptions,
  StepValue,
} from '../contracts/journeys.js';
import { compileCheck } from './checks.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const JOURNEY_KEYS = ['name', 'weight', 'init', 'keepVars', 'cookies', 'feeder', 'steps'];
const STEP_KEYS = ['name', 'method', 'path', 'headers', 'body', 'capture', 'check', 'thinkTime'];
const CAPTURE_KINDS = "{ json: '$.path' }, { header: 'name' }, { status: true } or a function";

/** A step with its defaults applied and its check compiled to a function. */
export interface ResolvedStep {
  name: string;
  method: string;
  path: StepValue<string>;
  headers: StepValue<Record<string, string>> | undefined;
  body: StepValue<string | object> | undefined;
  captures: Array<[name: string, spec: CaptureSpec]>;
  check: CheckFunction | undefined;
  thinkTimeMs: number;
}

/** A journey with its defaults applied. */
export interface ResolvedJourney {
  name: string;
  weight: number;
  init: ((context: { userIndex: number }) => JourneyVars) | undefined;
  keepVars: boolean;
  cookies: boolean;
  feeder: Feeder | undefined;
  steps: ResolvedStep[];
}

function expectObject(value: unknown, field: string, allowed: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidOptionError(field, value, allowed);
  return value as Record<string, unknown>;
}

function expectName(value: unknown, field: string, taken: Set<string>, what: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new InvalidOptionError(field, value, 'a non-empty string');
  if (taken.has(value)) throw new InvalidOptionError(field, value, `a name no other ${what} has`);
  taken.add(value);
  return value;
}

function expectBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InvalidOptionError(field, value, 'true or false');
  return value;
}

function resolveCapture(value: unknown, field: string): Array<[string, CaptureSpec]> {
  if (value === undefined) return [];
  const captures = expectObject(value, field, `an object of var names to ${CAPTURE_KINDS}`);
  return Object.keys(captures).map((name) => {
    const spec = captures[name];
    const at = `${field}.${name}`;
    if (typeof spec === 'function') return [name, spec as CaptureSpec];
    const s = expectObject(spec, at, CAPTURE_KINDS);
    const keys = Object.keys(s);
    const kind = keys[0];
    const ok =
      keys.length === 1 &&
      (((kind === 'json' || kind === 'header') && typeof s[kind] === 'string') ||
        (kind === 'status' && s.status === true));
    if (!ok) throw new InvalidOptionError(at, spec, CAPTURE_KINDS);
    return [name, s as CaptureSpec];
  });
}

function resolveStep(raw: unknown, field: string, names: Set<string>): ResolvedStep {
  const s = expectObject(
    raw,
    field,
    'an object { name, method, path, headers, body, capture, check }',
  );
  rejectUnknownKeys(s, STEP_KEYS, field);
  const name = expectName(s.name, `${field}.name`, names, 'step of this journey');
  const method = s.method === undefined ? 'GET' : String(s.method).toUpperCase();
  if (!METHODS.includes(method))
    throw new InvalidOptionError(`${field}.method`, s.method, `one of ${METHODS.join(', ')}`);
  const path = s.path;
  if (typeof path !== 'function' && (typeof path !== 'string' || !path.startsWith('/')))
    throw new InvalidOptionError(
      `${field}.path`,
      path,
      "a path starting with '/' or a function returning one",
    );
  if (s.headers !== undefined && typeof s.headers !== 'function')
    expectObject(
      s.headers,
      `${field}.headers`,
      'an object of header names to values, or a function returning one',
    );
  const body = s.body;
  validateBody(`${field}.body`, method, body);
  return {
    name,
    method,
    path: path as StepValue<string>,
    headers: s.headers as ResolvedStep['headers'],
    body: body as ResolvedStep['body'],
    captures: resolveCapture(s.capture, `${field}.capture`),
    check: compileCheck(s.check, `${field}.check`),
    thinkTimeMs:
      s.thinkTime === undefined
        ? 0
        : parseDurationMs(s.thinkTime, `${field}.thinkTime`, { allowZero: true }),
  };
}

function resolveJourney(raw: unknown, field: string, names: Set<string>): ResolvedJourney {
  const j = expectObject(raw, field, 'an object { name, weight, init, feeder, steps }');
  rejectUnknownKeys(j, JOURNEY_KEYS, field);
  const name = expectName(j.name, `${field}.name`, names, 'journey');
  const weight = j.weight === undefined ? 1 : j.weight;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0)
    throw new InvalidOptionError(`${field}.weight`, weight, 'a number > 0');
  if (j.init !== undefined && typeof j.init !== 'function')
    throw new InvalidOptionError(`${field}.init`, j.init, 'a function ({ userIndex }) => vars');
  const feeder = j.feeder as Feeder | undefined;
  if (
    feeder !== undefined &&
    (typeof feeder !== 'object' || feeder === null || typeof feeder.next !== 'function')
  )
    throw new InvalidOptionError(
      `${field}.feeder`,
      feeder,
      'an object with next(userIndex) returning a row or undefined',
    );
  if (!Array.isArray(j.steps) || j.steps.length === 0)
    throw new InvalidOptionError(
      `${field}.steps`,
      j.steps,
      'a non-empty array of steps { name, path, ... }',
    );
  const stepNames = new Set<string>();
  return {
    name,
    weight,
    init: j.init as ResolvedJourney['init'],
    keepVars: expectBoolean(j.keepVars, `${field}.keepVars`, false),
    cookies: expectBoolean(j.cookies, `${field}.cookies`, true),
    feeder,
    steps: (j.steps as StepOptions[]).map((step, i) =>
      resolveStep(step, `${field}.steps[${i}]`, stepNames),
    ),
  };
}

/** Validate load()'s `journeys`: throws coded errors naming the field and what is allowed. */
export function resolveJourneys(value: unknown): ResolvedJourney[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidOptionError(
      'journeys',
      value,
      'a non-empty array of { name, steps, weight, init, feeder }',
    );
  const names = new Set<string>();
  return (value as JourneyOptions[]).map((journey, i) =>
    resolveJourney(journey, `journeys[${i}]`, names),
  );
}
