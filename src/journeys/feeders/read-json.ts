import { FeederSourceError } from './feeder-errors.js';
import { toRecord } from './safe-record.js';
import type { FeederRecord } from './types.js';

/** Parse a JSON array of objects into records. Throws FeederSourceError naming the index at fault. */
export function parseJsonRecords(text: string, source: string): FeederRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FeederSourceError(
      source,
      `not valid JSON (${(error as Error).message}); for JSON Lines use a .jsonl file or format: 'jsonl'`,
      undefined,
      error,
    );
  }
  if (!Array.isArray(value))
    throw new FeederSourceError(source, 'must hold a JSON array of objects (or use JSON Lines)');
  return value.map((item, i) => toRecord(item, source, `record [${i}]`));
}

/** Parse JSON Lines (one object per line; blank lines skipped) into records, naming the line at fault. */
export function parseJsonLinesRecords(text: string, source: string): FeederRecord[] {
  const records: FeederRecord[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new FeederSourceError(
        source,
        `not valid JSON: ${(error as Error).message}`,
        i + 1,
        error,
      );
    }
    records.push(toRecord(value, source, 'the line', i + 1));
  });
  return records;
}
