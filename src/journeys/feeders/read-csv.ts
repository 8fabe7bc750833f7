import { parse, type CastingContext } from 'csv-parse/sync';
import { FeederSourceError } from './feeder-errors.js';
import { zipRecord } from './safe-record.js';
import type { FeederRecord } from './types.js';

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Unquoted numbers and true/false become numbers and booleans, an unquoted empty field null;
 * quoted fields stay strings ("007", "").
 */
function castField(value: string, context: CastingContext): unknown {
  if (context.records === 0 || context.quoting) return value;
  if (value === '') return null;
  if (NUMBER_RE.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

function checkHeader(header: string[], source: string): void {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name.trim() === '')
      throw new FeederSourceError(
        source,
        `header column ${i + 1} has no name; every column needs one`,
        1,
      );
    if (seen.has(name))
      throw new FeederSourceError(source, `header names column "${name}" twice`, 1);
    seen.add(name);
  });
}

/**
 * Parse CSV text (RFC 4180 quoting, BOM, CRLF) into records: the first row names the fields, empty
 * lines are skipped, every row must have as many fields as the header. Throws FeederSourceError.
 */
export function parseCsvRecords(
  text: string,
  source: string,
  options: { cast: boolean; delimiter: string },
): FeederRecord[] {
  let rows: unknown[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: options.delimiter,
      skip_empty_lines: true,
      cast: options.cast ? castField : false,
    }) as unknown[][];
  } catch (error) {
    const { message, lines } = error as { message: string; lines?: number };
    throw new FeederSourceError(source, `not valid CSV: ${message}`, lines, error);
  }
  if (rows.length === 0)
    throw new FeederSourceError(source, 'is empty; expected a header row and records');
  const header = rows[0] as string[];
  checkHeader(header, source);
  if (rows.length === 1)
    throw new FeederSourceError(source, 'has a header row but no records; expected at least one');
  return rows.slice(1).map((fields) => zipRecord(header, fields));
}
