import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InvalidOptionError, UnknownOptionError } from '../errors.js';
import { closestName } from '../options/closest-name.js';
import { HISTORY_METRICS, type HistoryMetric } from '../history/history-series.js';

type Flags = NonNullable<ParseArgsConfig['options']>;

/**
 * What parseHistoryArgs gives back: node:util parseArgs' values by flag (string flags, and `help`
 * the one boolean) and the positionals. Named here because the declaration build cannot name
 * parseArgs' own result type.
 */
export interface HistoryArgs {
  values: { [flag: string]: string | undefined } & { help?: boolean };
  positionals: string[];
}

/** The flag of a node:util parse error's message ("Unknown option '--x'", "Option '--x <value>' ..."). */
function flagOf(error: Error): string {
  return /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '(unknown)';
}

function suggestion(flag: string, names: readonly string[]): string | undefined {
  const name = closestName(flag.replace(/^-+/, ''), names);
  return name === undefined ? undefined : `--${name}`;
}

/**
 * parseArgs for a `history` subcommand with its errors coded: an unknown flag is
 * ERR_STRESS_UNKNOWN_OPTION (with the closest flag), a flag without its value
 * ERR_STRESS_INVALID_OPTION naming the flag and the value it takes (`valueOf[flag]`).
 */
export function parseHistoryArgs<F extends Flags>(
  command: string,
  argv: string[],
  flags: F,
  valueOf: Record<string, string>,
): HistoryArgs {
  try {
    const parsed = parseArgs({ args: argv, options: flags, strict: true, allowPositionals: true });
    return parsed as unknown as HistoryArgs;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const flag = flagOf(error as Error);
    const names = Object.keys(flags);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UnknownOptionError(
        flag,
        suggestion(flag, names),
        `${command} (flags: ${names.map((n) => `--${n}`).join(', ')})`,
      );
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new InvalidOptionError(flag, undefined, valueOf[flag.replace(/^-+/, '')] ?? 'a value');
    throw error;
  }
}

/** '10%' → 0.1; throws ERR_STRESS_INVALID_OPTION naming --tolerance. */
export function parseTolerance(text: string): number {
  const match = /^\+?(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (!match || !(Number(match[1]) > 0))
    throw new InvalidOptionError('--tolerance', text, 'a positive percentage such as 10%');
  return Number(match[1]) / 100;
}

/** A whole number >= 1, or `fallback` when the flag is absent; throws ERR_STRESS_INVALID_OPTION naming the flag. */
export function parseCount(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^[1-9]\d*$/.test(text)) throw new InvalidOptionError(flag, text, 'a whole number >= 1');
  return Number(text);
}

/** 'p95,throughput' → the metrics; throws ERR_STRESS_INVALID_OPTION naming --metric. */
export function parseMetrics(text = 'p95'): HistoryMetric[] {
  const metrics = text.split(',').map((m) => m.trim());
  const bad = metrics.find((m) => !(HISTORY_METRICS as readonly string[]).includes(m));
  if (bad !== undefined)
    throw new InvalidOptionError(
      '--metric',
      bad,
      `${HISTORY_METRICS.join(' | ')}, comma-separated`,
    );
  return metrics as HistoryMetric[];
}
