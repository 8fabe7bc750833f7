import { InvalidOptionError } from '../../errors.js';

/**
 * A finite number >= `min` (default 0). `fallback` is used when the value is undefined;
 * without a fallback the value is required.
 */
export function expectNumber(
  value: unknown,
  field: string,
  {
    min = 0,
    fallback,
    integer = false,
  }: { min?: number; fallback?: number; integer?: boolean } = {},
): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    (integer && !Number.isInteger(value))
  ) {
    throw new InvalidOptionError(field, value, `${integer ? 'an integer' : 'a number'} >= ${min}`);
  }
  return value;
}
