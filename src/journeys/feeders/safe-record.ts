import { describeValue } from '../../errors.js';
import { FeederSourceError } from './feeder-errors.js';
import type { FeederRecord } from './types.js';

/**
 * A null-prototype copy of one record: a field named `__proto__`, `constructor` or `toString`
 * from a user's file is an own data property, never the prototype or a method.
 */
export function toRecord(
  value: unknown,
  source: string,
  where: string,
  line?: number,
): FeederRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FeederSourceError(
      source,
      `${where} must be an object of fields, got ${describeValue(value)}`,
      line,
    );
  const record = Object.create(null) as FeederRecord;
  for (const key of Object.keys(value)) record[key] = (value as FeederRecord)[key];
  return record;
}

/** Build a null-prototype record from a header row and one row of fields. */
export function zipRecord(header: readonly string[], fields: readonly unknown[]): FeederRecord {
  const record = Object.create(null) as FeederRecord;
  for (let i = 0; i < header.length; i++) record[header[i]] = fields[i];
  return record;
}

/** A fresh shallow copy, so a user that changes its record does not change the next user's. */
export function copyRecord(record: FeederRecord): FeederRecord {
  return Object.assign(Object.create(null) as FeederRecord, record);
}
