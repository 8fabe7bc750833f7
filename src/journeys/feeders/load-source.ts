import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describeValue } from '../../errors.js';
import { FeederSourceError } from './feeder-errors.js';
import { parseCsvRecords } from './read-csv.js';
import { parseJsonLinesRecords, parseJsonRecords } from './read-json.js';
import type { ResolvedFeederOptions } from './feeder-options.js';
import { toRecord } from './safe-record.js';
import type { FeederFormat, FeederRecord } from './types.js';

const BY_EXTENSION: Record<string, FeederFormat> = {
  '.csv': 'csv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

function formatOf(path: string, format: FeederFormat | undefined): FeederFormat {
  const found = format ?? BY_EXTENSION[extname(path).toLowerCase()];
  if (found === undefined)
    throw new FeederSourceError(
      path,
      "has no known extension (.csv, .json, .jsonl, .ndjson); pass format: 'csv' | 'json' | 'jsonl'",
    );
  return found;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    throw new FeederSourceError(path, problem, undefined, error);
  }
}

/**
 * The records of a source, read and checked now (definition time, not mid-run): an array of
 * objects, or a CSV / JSON / JSON Lines file. Throws FeederSourceError for an empty or bad source.
 */
export function loadRecords(source: unknown, options: ResolvedFeederOptions): FeederRecord[] {
  let records: FeederRecord[];
  let name: string;
  if (Array.isArray(source)) {
    name = 'array';
    records = source.map((item, i) => toRecord(item, name, `record [${i}]`));
  } else if (typeof source === 'string' && source !== '') {
    name = source;
    const text = readText(source);
    const format = formatOf(source, options.format);
    if (format === 'csv') records = parseCsvRecords(text, source, options);
    else
      records =
        format === 'json' ? parseJsonRecords(text, source) : parseJsonLinesRecords(text, source);
  } else {
    throw new FeederSourceError(
      describeValue(source),
      'is neither an array of records nor a file path (.csv, .json, .jsonl)',
    );
  }
  if (records.length === 0)
    throw new FeederSourceError(name, 'holds no records; expected at least one');
  return records;
}
