import { randomBytes } from 'node:crypto';
import { InvalidOptionError } from '../../errors.js';
import { rejectUnknownKeys } from '../../options/closest-name.js';
import type { FeederExhaustion, FeederFormat, FeederOptions, FeederOrder } from './types.js';

const KNOWN = ['order', 'onExhausted', 'seed', 'perUser', 'format', 'cast', 'delimiter'] as const;
const ORDERS: readonly FeederOrder[] = ['sequential', 'random', 'unique'];
const EXHAUSTIONS: readonly FeederExhaustion[] = ['recycle', 'stop', 'error'];
const FORMATS: readonly FeederFormat[] = ['csv', 'json', 'jsonl'];

/** Feeder options with every default applied. */
export interface ResolvedFeederOptions {
  order: FeederOrder;
  onExhausted: FeederExhaustion | undefined;
  seed: number | undefined;
  /** Users the records are partitioned among, or undefined for one shared pool. */
  perUserCount: number | undefined;
  format: FeederFormat | undefined;
  cast: boolean;
  delimiter: string;
}

function oneOf<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    throw new InvalidOptionError(field, value, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  return value as T;
}

function resolveExhaustion(order: FeederOrder, value: unknown): FeederExhaustion | undefined {
  const field = 'feeder.onExhausted';
  if (order === 'random') {
    if (value === undefined || value === 'recycle') return undefined;
    throw new InvalidOptionError(
      field,
      value,
      "no value for order 'random' (it draws with replacement and never " +
        "runs out); use order 'unique' to hand each record once",
    );
  }
  if (order === 'unique') {
    if (value === 'recycle')
      throw new InvalidOptionError(
        field,
        value,
        "'stop' or 'error' for order 'unique' (each record at most " +
          "once); use order 'sequential' to start over",
      );
    return oneOf(value, field, EXHAUSTIONS, 'stop');
  }
  return oneOf(value, field, EXHAUSTIONS, 'recycle');
}

function resolveSeed(order: FeederOrder, value: unknown): number | undefined {
  if (
    value !== undefined &&
    (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 0xffffffff)
  )
    throw new InvalidOptionError('feeder.seed', value, 'an integer in [0, 4294967295]');
  if (order !== 'random') return undefined;
  return (value as number | undefined) ?? randomBytes(4).readUInt32LE(0);
}

function resolvePerUser(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidOptionError('feeder.perUser', value, 'an object { users: number }');
  rejectUnknownKeys(value, ['users'], 'feeder.perUser');
  const users = (value as { users?: unknown }).users;
  if (!Number.isInteger(users) || (users as number) < 1)
    throw new InvalidOptionError(
      'feeder.perUser.users',
      users,
      'an integer ≥ 1 (the number of users)',
    );
  return users as number;
}

/** Validate feeder options; throws InvalidOptionError / UnknownOptionError naming the field. */
export function resolveFeederOptions(input: unknown): ResolvedFeederOptions {
  const options = (input ?? {}) as FeederOptions;
  if (typeof options !== 'object' || Array.isArray(options))
    throw new InvalidOptionError('feeder options', input, 'an object');
  rejectUnknownKeys(options, KNOWN, 'feeder options');
  const order = oneOf(options.order, 'feeder.order', ORDERS, 'sequential');
  if (options.cast !== undefined && typeof options.cast !== 'boolean')
    throw new InvalidOptionError('feeder.cast', options.cast, 'true or false');
  const delimiter = options.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || /[\r\n"]/.test(delimiter))
    throw new InvalidOptionError(
      'feeder.delimiter',
      delimiter,
      'one character other than a quote or line break',
    );
  return {
    order,
    onExhausted: resolveExhaustion(order, options.onExhausted),
    seed: resolveSeed(order, options.seed),
    perUserCount: resolvePerUser(options.perUser),
    format:
      options.format === undefined
        ? undefined
        : oneOf(options.format, 'feeder.format', FORMATS, 'csv'),
    cast: options.cast ?? false,
    delimiter,
  };
}
