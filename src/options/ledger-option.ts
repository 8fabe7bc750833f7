import { InvalidOptionError } from '../errors.js';

/** `ledger: { ... }`: where a long run's request ledger goes on disk, and whether it stays. */
export interface LedgerOptions {
  /** Folder of the ledger file (default the OS temporary folder). */
  dir?: string;
  /** Keep the file after the run, as an artefact (default false: removed when the result is collected or at exit). */
  keep?: boolean;
  /** Requests kept in memory before the ledger moves to disk (default 50 000; 0: on disk from the start). */
  memoryRows?: number;
}

const KEYS = ['dir', 'keep', 'memoryRows'];

/**
 * Validate `ledger`: true/false (false keeps none), or LedgerOptions (kept, with a file past
 * `memoryRows`). Returns whether a ledger is kept and the file options, if any were given.
 */
export function parseLedgerOption(value: unknown): { ledger: boolean; ledgerFile?: LedgerOptions } {
  if (value === undefined || value === true) return { ledger: true };
  if (value === false) return { ledger: false };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidOptionError('ledger', value, 'true, false or { dir?, keep?, memoryRows? }');
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!KEYS.includes(key))
      throw new InvalidOptionError(`ledger.${key}`, o[key], `one of ${KEYS.join(', ')}`);
  if (o.dir !== undefined && (typeof o.dir !== 'string' || o.dir === ''))
    throw new InvalidOptionError('ledger.dir', o.dir, 'a folder path (a non-empty string)');
  if (o.keep !== undefined && typeof o.keep !== 'boolean')
    throw new InvalidOptionError('ledger.keep', o.keep, 'true or false');
  const rows = o.memoryRows;
  if (rows !== undefined && (typeof rows !== 'number' || !Number.isSafeInteger(rows) || rows < 0))
    throw new InvalidOptionError('ledger.memoryRows', rows, 'a whole number of requests >= 0');
  const ledgerFile: LedgerOptions = {};
  if (o.dir !== undefined) ledgerFile.dir = o.dir as string;
  if (o.keep !== undefined) ledgerFile.keep = o.keep as boolean;
  if (rows !== undefined) ledgerFile.memoryRows = rows as number;
  return { ledger: true, ledgerFile };
}
