import type { Finish } from '../recorder/tally.js';

/**
 * How a request whose body function threw ends: an error naming what was thrown. Anything may
 * be thrown (`undefined`, a string, an object without a prototype), so nothing is assumed of it.
 */
export function bodyFailure(thrown: unknown): Finish {
  return { kind: 'error', message: `body function threw: ${describeThrown(thrown)}` };
}

/** A short text for any thrown value; never throws itself. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  try {
    return String(thrown);
  } catch {
    return Object.prototype.toString.call(thrown);
  }
}
