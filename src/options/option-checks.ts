import { InvalidOptionError } from '../errors.js';

/** Check a positive integer (or >= 0 with `min: 0`). */
export function expectInteger(value: unknown, field: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidOptionError(field, value, `an integer >= ${min}`);
  }
  return value;
}

/** Check a finite number > 0. */
export function expectPositive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(field, value, 'a number > 0');
  }
  return value;
}

/** Check a plain object (not null, not an array); `allowed` says what the field takes. */
export function expectPlainObject(
  value: unknown,
  field: string,
  allowed: string,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidOptionError(field, value, allowed);
  return value as Record<string, unknown>;
}
