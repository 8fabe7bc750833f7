import { InvalidOptionError } from '../errors.js';
import { closestName, rejectUnknownKeys } from '../options/closest-name.js';
import { FAULTS, FAULT_TYPES, type FaultType } from './faults/index.js';
import type { LatencyParams, SlowBodyParams, StatusParams } from './faults/index.js';
import type { FaultDefinition } from './faults/fault.js';

/** Keys every fault entry may have, besides its own parameters. */
interface FaultBase {
  /** Probability that a request gets this fault, 0..1. The rates of all entries sum to <= 1. */
  rate: number;
  /** Label in the log and the breakdown; default the type. Needed when two entries share a type. */
  name?: string;
}

/** One fault entry, e.g. `{ type: 'latency', rate: 0.15, ms: 5000 }`. */
export type FaultOptions =
  | (FaultBase & { type: 'latency' } & Pick<LatencyParams, 'ms'> &
      Partial<Pick<LatencyParams, 'jitterMs'>>)
  | (FaultBase & { type: 'timeout' })
  | (FaultBase & { type: 'reset' })
  | (FaultBase & { type: 'status'; code: number } & Partial<Omit<StatusParams, 'code'>>)
  | (FaultBase & { type: 'slowBody' } & SlowBodyParams);

/** A validated fault entry, ready to apply. */
export interface ResolvedFault {
  name: string;
  type: FaultType;
  rate: number;
  params: unknown;
  definition: FaultDefinition<unknown>;
  /** A few words for messages. */
  description: string;
}

const BASE_KEYS = ['type', 'rate', 'name'];
// Rates are summed in floating point: 0.1 + 0.05 + 0.15 must not fail the <= 1 check.
const RATE_EPSILON = 1e-9;

/** The entry's type and its fault definition; throws naming `<at>.type` for a missing or unknown type. */
function definitionOf(
  entry: Record<string, unknown>,
  at: string,
): { type: FaultType; definition: FaultDefinition<unknown> } {
  const type = entry.type;
  if (typeof type !== 'string')
    throw new InvalidOptionError(`${at}.type`, type, `one of ${FAULT_TYPES.join(', ')}`);
  if (!(FAULT_TYPES as string[]).includes(type)) {
    const suggestion = closestName(type, FAULT_TYPES);
    throw new InvalidOptionError(
      `${at}.type`,
      type,
      `one of ${FAULT_TYPES.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
    );
  }
  return {
    type: type as FaultType,
    definition: FAULTS[type as FaultType] as FaultDefinition<unknown>,
  };
}

/** The entry's name (default its type), added to `names`; throws naming `<at>.name` for a bad or taken one. */
function nameOf(
  entry: Record<string, unknown>,
  type: string,
  at: string,
  names: Set<string>,
): string {
  const name = entry.name ?? type;
  if (typeof name !== 'string' || name.length === 0 || name === 'none' || name === 'down') {
    throw new InvalidOptionError(
      `${at}.name`,
      name,
      "a non-empty string other than 'none' and 'down'",
    );
  }
  if (names.has(name))
    throw new InvalidOptionError(
      `${at}.name`,
      name,
      'a name no other fault has (give entries of the same type distinct names)',
    );
  names.add(name);
  return name;
}

/** One fault entry, `at` its field (`faults[1]`); `names` holds the names of the entries before it. */
function parseFault(raw: unknown, at: string, names: Set<string>): ResolvedFault {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new InvalidOptionError(
      at,
      raw,
      `an object { type, rate, ... } with type one of ${FAULT_TYPES.join(', ')}`,
    );
  const entry = raw as Record<string, unknown>;
  const { type, definition } = definitionOf(entry, at);
  rejectUnknownKeys(entry, [...BASE_KEYS, ...definition.keys], at);
  const rate = entry.rate;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1)
    throw new InvalidOptionError(`${at}.rate`, rate, 'a probability 0..1');
  const name = nameOf(entry, type, at, names);
  const params = definition.parse(entry, at);
  return { name, type, rate, params, definition, description: definition.describe(params) };
}

/**
 * Validate `faults` (an array of fault entries). Throws a coded option error naming the field:
 * `faults[1].type` for an unknown type (with the closest name), `faults[1].rate` outside 0..1,
 * `faults[0].ms` negative, `faults` when the rates sum to more than 1.
 */
export function parseFaults(value: unknown, field = 'faults'): ResolvedFault[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new InvalidOptionError(
      field,
      value,
      "an array of fault entries such as { type: 'timeout', rate: 0.1 }",
    );
  const names = new Set<string>();
  const faults = value.map((raw, i) => parseFault(raw, `${field}[${i}]`, names));
  const sum = faults.reduce((total, fault) => total + fault.rate, 0);
  // 12 significant digits: the float noise goes, and any sum past the epsilon still shows above 1.
  if (sum > 1 + RATE_EPSILON)
    throw new InvalidOptionError(
      `${field}[].rate`,
      Number(sum.toPrecision(12)),
      'rates that sum to at most 1 (one fault at most per request)',
    );
  return faults;
}
