import type { CreditRecord } from './schema.js';

/**
 * `{ "records": [...] }` with one record per line: compact like minified JSON, yet a diff of
 * a regenerated fixture shows which records changed. Ends with a newline.
 */
export function serializePayload(records: readonly CreditRecord[]): string {
  if (records.length === 0) return '{"records":[]}\n';
  return `{"records":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

/** One record, pretty-printed (for `sample_record.json` and docs). Ends with a newline. */
export function serializeRecord(record: CreditRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
