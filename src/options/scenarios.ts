import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from './closest-name.js';
import { expectHeaders } from './headers.js';
import { SCENARIO_KEYS, type ResolvedScenario } from './load-options.js';
import { expectPlainObject } from './option-checks.js';
import { validateBody } from './request-body.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

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

/** The request line of a scenario: its method and path, with their defaults. */
function resolveRequestLine(
  s: Record<string, unknown>,
  field: string,
): { method: string; path: string } {
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
  return { method, path };
}

/** One scenario; `names` holds the names of the scenarios before it. */
function resolveScenario(raw: unknown, field: string, names: Set<string>): ResolvedScenario {
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
  const { method, path } = resolveRequestLine(s, field);
  const body = s.body;
  validateBody(`${field}.body`, method, body);
  if (typeof body === 'object') expectJsonable(body, `${field}.body`);
  return {
    name: s.name,
    weight,
    method,
    path,
    headers: expectHeaders(s.headers, `${field}.headers`),
    body: body as ResolvedScenario['body'],
  };
}

/** The `scenarios` option: a weighted mix of requests (one GET / when not given). */
export function resolveScenarios(value: unknown): ResolvedScenario[] {
  if (value === undefined)
    return [{ name: 'default', weight: 1, method: 'GET', path: '/', headers: {}, body: undefined }];
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidOptionError(
      'scenarios',
      value,
      'a non-empty array of { name, weight, method, path, headers, body }',
    );
  const names = new Set<string>();
  return value.map((raw, i) => resolveScenario(raw, `scenarios[${i}]`, names));
}
