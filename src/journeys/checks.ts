import { JSONPath } from 'jsonpath-plus';
import { InvalidOptionError } from '../errors.js';
import type {
  CaptureSpec,
  CheckFunction,
  JourneyVars,
  StepResponse,
} from '../contracts/journeys.js';

const CHECK_ALLOWED = 'a function (response, vars) => boolean | string, or { status, json }';

/** The value at a JSON path of the parsed body; undefined when the body is not JSON or nothing matches. */
export function jsonPathValue(json: unknown, path: string): unknown {
  if (json === undefined || json === null || typeof json !== 'object') return undefined;
  return JSONPath({ path, json, wrap: false });
}

/** What a capture takes from an answer; undefined when it finds nothing. */
export function captureValue(
  spec: CaptureSpec,
  response: StepResponse,
  vars: JourneyVars,
): unknown {
  if (typeof spec === 'function') return spec(response, vars);
  if ('json' in spec) return jsonPathValue(response.json, spec.json);
  if ('header' in spec) {
    const value = response.headers[spec.header.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }
  return response.status;
}

function statusList(value: unknown, field: string): number[] {
  const list = Array.isArray(value) ? value : [value];
  for (const status of list) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
      throw new InvalidOptionError(field, value, 'an HTTP status (100-599) or an array of them');
  }
  return list as number[];
}

/** A step's `check` as one function: a declarative { status, json } becomes the function that tests it. */
export function compileCheck(value: unknown, field: string): CheckFunction | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'function') return value as CheckFunction;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidOptionError(field, value, CHECK_ALLOWED);
  const spec = value as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (key !== 'status' && key !== 'json')
      throw new InvalidOptionError(`${field}.${key}`, spec[key], CHECK_ALLOWED);
  }
  const statuses =
    spec.status === undefined ? undefined : statusList(spec.status, `${field}.status`);
  if (spec.json !== undefined && (typeof spec.json !== 'object' || spec.json === null))
    throw new InvalidOptionError(
      `${field}.json`,
      spec.json,
      'an object of JSON paths to expected values',
    );
  const expected = Object.entries((spec.json ?? {}) as Record<string, unknown>);
  return (response) => {
    if (statuses && !statuses.includes(response.status))
      return `status ${response.status} is not ${statuses.join(' or ')}`;
    for (const [path, want] of expected) {
      const got = jsonPathValue(response.json, path);
      if (!Object.is(got, want))
        return `${path} is ${JSON.stringify(got) ?? 'undefined'}, expected ${JSON.stringify(want)}`;
    }
    return true;
  };
}
