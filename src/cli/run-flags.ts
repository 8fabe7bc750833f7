import { parseArgs } from 'node:util';
import { MAX_GENERATED_RECORDS } from '../data/credit-records.js';

/** The flags of `vitest-stress run`, all strings so each is checked by one rule below. */
export const RUN_FLAGS = {
  target: { type: 'string' },
  users: { type: 'string' },
  requests: { type: 'string' },
  duration: { type: 'string' },
  'payload-size': { type: 'string' },
  endpoint: { type: 'string' },
  timeout: { type: 'string' },
  seed: { type: 'string' },
  output: { type: 'string' },
  'p95-below': { type: 'string' },
  'max-error-rate': { type: 'string' },
  'allow-remote': { type: 'boolean' },
  'stop-when-decided': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Users and requests per user at most: far past what one machine drives, short of absurd. */
const MAX_COUNT = 1_000_000;

/** A flag with a value outside its rule; the message names the flag (exit code 2). */
export class FlagError extends Error {}

/** The flags after parsing, checked: what `run` builds its load() options from. */
export interface RunFlags {
  target: string;
  users: number;
  /** Requests per user; undefined when `duration` is given. */
  requests: number | undefined;
  duration: string | undefined;
  payloadSize: number;
  endpoint: string;
  timeoutS: number;
  seed: number;
  output: string | undefined;
  p95BelowMs: number | undefined;
  maxErrorRate: number | undefined;
  allowRemote: boolean;
  /** Judge --p95-below / --max-error-rate while running and stop when decided (needs --duration). */
  stopWhenDecided: boolean;
  help: boolean;
}

function stopWhenDecided(values: Record<string, unknown>, duration: string | undefined): boolean {
  if (values['stop-when-decided'] !== true) return false;
  if (duration === undefined)
    throw new FlagError('--stop-when-decided needs --duration (the maximum)');
  if (values['p95-below'] === undefined && values['max-error-rate'] === undefined) {
    throw new FlagError(
      '--stop-when-decided needs --p95-below and/or --max-error-rate (what to decide)',
    );
  }
  return true;
}

/**
 * Parse and check `run`'s argv. Throws FlagError naming the flag for any bad value (unknown flag,
 * a number out of range, a negative number given as `--users -5`).
 */
export function parseRunFlags(argv: string[]): RunFlags {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(argv),
      options: RUN_FLAGS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new FlagError((error as Error).message);
  }
  if (values.help) return { help: true } as RunFlags;
  if (typeof values.target !== 'string') throw new FlagError('missing --target <url>');
  const duration = typeof values.duration === 'string' ? values.duration : undefined;
  return {
    target: values.target,
    users: int(values, 'users', 10, 1, MAX_COUNT),
    requests: duration === undefined ? int(values, 'requests', 10, 1, MAX_COUNT) : undefined,
    duration,
    payloadSize: int(values, 'payload-size', 100, 0, MAX_GENERATED_RECORDS),
    endpoint: typeof values.endpoint === 'string' ? values.endpoint : '/api/analyze',
    timeoutS: num(values, 'timeout', Infinity) ?? 30,
    seed: int(values, 'seed', 42, 0, Number.MAX_SAFE_INTEGER),
    output: typeof values.output === 'string' ? values.output : undefined,
    p95BelowMs: num(values, 'p95-below', Infinity),
    maxErrorRate: num(values, 'max-error-rate', 1),
    allowRemote: values['allow-remote'] === true,
    stopWhenDecided: stopWhenDecided(values, duration),
    help: false,
  };
}

/**
 * `--users -5` → `--users=-5`: parseArgs takes a value starting with '-' for a flag and calls it
 * ambiguous; joined, the value reaches the flag's own rule and its message.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : undefined;
    const flag = name === undefined ? undefined : RUN_FLAGS[name as keyof typeof RUN_FLAGS];
    if (flag?.type === 'string' && i + 1 < argv.length && /^-\d/.test(argv[i + 1]))
      out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

function int(
  values: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new FlagError(
      `--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return Number(raw);
}

function num(values: Record<string, unknown>, name: string, max: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) {
    throw new FlagError(
      `--${name} must be a number > 0${max === Infinity ? '' : ` and at most ${max}`}, got ${JSON.stringify(raw)}`,
    );
  }
  return n;
}
