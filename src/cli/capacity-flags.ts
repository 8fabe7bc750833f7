import { parseArgs } from 'node:util';
import type { CapacitySla, LevelRange } from '../capacity/capacity-options.js';
import { MAX_GENERATED_RECORDS } from '../data/credit-records.js';
import { FlagError } from './run-flags.js';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** 'Name: value' → [name, value]; throws FlagError naming the flag. */
export function parseHeader(value: string): [string, string] {
  const colon = value.indexOf(':');
  const name = colon > 0 ? value.slice(0, colon).trim() : '';
  if (!HEADER_NAME.test(name))
    throw new FlagError(`--header must be 'Name: value' with a token name, got '${value}'`);
  return [name.toLowerCase(), value.slice(colon + 1).trim()];
}

function payloadSizeOf(values: Record<string, unknown>): number | undefined {
  if (values['payload-size'] === undefined) return undefined;
  const n = Number(values['payload-size']);
  if (!Number.isInteger(n) || n < 1 || n > MAX_GENERATED_RECORDS)
    throw new FlagError(
      `--payload-size must be an integer from 1 to ${MAX_GENERATED_RECORDS}, got '${values['payload-size']}'`,
    );
  if (values.body !== undefined) throw new FlagError('give --body or --payload-size, not both');
  return n;
}

/** The flags of `vitest-stress capacity`. */
export const CAPACITY_FLAGS = {
  target: { type: 'string' },
  users: { type: 'string' },
  rate: { type: 'string' },
  sla: { type: 'string' },
  'level-duration': { type: 'string' },
  path: { type: 'string' },
  method: { type: 'string' },
  header: { type: 'string', multiple: true },
  body: { type: 'string' },
  'payload-size': { type: 'string' },
  'max-wall-time': { type: 'string' },
  output: { type: 'string' },
  'allow-remote': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Checked flags of `vitest-stress capacity`. */
export interface CapacityFlags {
  target: string;
  users?: LevelRange;
  rate?: LevelRange;
  sla: CapacitySla;
  levelDuration: string;
  maxWallTime: string;
  path: string;
  method: string;
  /** Request headers from `--header 'Name: value'` (repeatable), in the order given. */
  headers: [string, string][];
  /** `--body`: the text, or `@file` to read it from a file. */
  body: string | undefined;
  /** `--payload-size`: POST this many synthetic credit records as JSON (as `vitest-stress run`). */
  payloadSize: number | undefined;
  output: string | undefined;
  allowRemote: boolean;
  help: boolean;
}

/** '10..200' or '10..200:10' → { from, to, step? }; throws FlagError naming the flag. */
export function parseLevels(value: string, flag: string): LevelRange {
  const match = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(value);
  if (!match)
    throw new FlagError(
      `--${flag} must be FROM..TO or FROM..TO:STEP (e.g. 10..200:10), got '${value}'`,
    );
  const [from, to] = [Number(match[1]), Number(match[2])];
  if (!(from > 0 && to >= from))
    throw new FlagError(`--${flag}: need 0 < FROM <= TO, got '${value}'`);
  return { from, to, ...(match[3] !== undefined ? { step: Number(match[3]) } : {}) };
}

const SLA_LINE = /^(p50|p95|p99|errors|throughput)\s*([<>])\s*(\d+(?:\.\d+)?)(%?)$/;

/** 'p95<5000,errors<5%,throughput>100' → the SLA; throws FlagError naming the bad line. */
export function parseSla(value: string): CapacitySla {
  const sla: CapacitySla = {};
  for (const line of value
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '')) {
    const match = SLA_LINE.exec(line);
    if (!match)
      throw new FlagError(
        `--sla: '${line}' is not one of p50<MS, p95<MS, p99<MS, errors<N%, throughput>RPS`,
      );
    const [, metric, op, number, percent] = match;
    const n = Number(number);
    const wrongOp = (metric === 'throughput') !== (op === '>');
    if (wrongOp)
      throw new FlagError(
        `--sla: '${line}': use ${metric === 'throughput' ? 'throughput>RPS' : `${metric}<...`}`,
      );
    if (metric === 'errors') sla.errorRate = percent ? n / 100 : n;
    else if (metric === 'throughput') sla.throughput = n;
    else sla[metric as 'p50' | 'p95' | 'p99'] = n;
  }
  if (Object.keys(sla).length === 0)
    throw new FlagError('--sla needs at least one line, e.g. p95<5000,errors<5%');
  return sla;
}

/** Parse and check `capacity`'s argv; throws FlagError naming the flag. */
export function parseCapacityFlags(argv: string[]): CapacityFlags {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: CAPACITY_FLAGS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new FlagError((error as Error).message);
  }
  if (values.help) return { help: true } as CapacityFlags;
  if (typeof values.target !== 'string') throw new FlagError('missing --target <url>');
  const users = typeof values.users === 'string' ? parseLevels(values.users, 'users') : undefined;
  const rate = typeof values.rate === 'string' ? parseLevels(values.rate, 'rate') : undefined;
  if ((users === undefined) === (rate === undefined))
    throw new FlagError('give exactly one of --users FROM..TO or --rate FROM..TO');
  if (typeof values.sla !== 'string')
    throw new FlagError("missing --sla (e.g. 'p95<5000,errors<5%')");
  const text = (key: string, fallback: string) =>
    typeof values[key] === 'string' ? (values[key] as string) : fallback;
  const payloadSize = payloadSizeOf(values);
  const body = typeof values.body === 'string' ? values.body : undefined;
  const sendsBody = body !== undefined || payloadSize !== undefined;
  return {
    target: values.target,
    ...(users ? { users } : {}),
    ...(rate ? { rate } : {}),
    sla: parseSla(values.sla),
    levelDuration: text('level-duration', '5s'),
    maxWallTime: text('max-wall-time', '10m'),
    path: text('path', payloadSize !== undefined ? '/api/analyze' : '/'),
    method: text('method', sendsBody ? 'POST' : 'GET').toUpperCase(),
    headers: ((values.header as string[] | undefined) ?? []).map(parseHeader),
    body,
    payloadSize,
    output: typeof values.output === 'string' ? values.output : undefined,
    allowRemote: values['allow-remote'] === true,
    help: false,
  };
}
