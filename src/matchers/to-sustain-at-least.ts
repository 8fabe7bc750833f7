import type { MatcherState } from 'vitest';
import { describeCapacity, isCapacityResult, sustainState } from '../capacity/capacity-verdict.js';
import { describeReceived } from '../format/message.js';
import { verdicts, type MatcherResult } from './verdict.js';

/**
 * Passes when a findCapacity() result sustains at least `level` users (or rps): pass / fail /
 * inconclusive. An inconclusive verdict fails the assertion with and without `.not` (a capacity
 * that was not shown is never assumed).
 */
export function toSustainAtLeast(
  this: MatcherState,
  received: unknown,
  level: number,
  unit: 'users' | 'rps',
): MatcherResult {
  const v = verdicts(this, { matcher: 'toSustainAtLeast', metric: 'capacity', unit: String(unit) });
  const threshold = typeof level === 'number' ? level : describeReceived(level);
  if (!isCapacityResult(received)) {
    return v.refuse(
      `toSustainAtLeast: expected a findCapacity() result, received ${describeReceived(received)}`,
      { threshold },
    );
  }
  if (typeof level !== 'number' || !(level > 0)) {
    return v.refuse(
      `toSustainAtLeast: level must be a number > 0, received ${describeReceived(level)}`,
      { threshold },
    );
  }
  if (unit !== received.unit) {
    const why =
      `unit must be '${received.unit}' for this ${received.model}-model search, received ` +
      `${describeReceived(unit)}`;
    return v.refuse(`toSustainAtLeast: ${why}`, { threshold });
  }
  const positive = sustainState(received, level);
  const shown =
    positive === 'inconclusive' ? positive : (positive === 'pass') !== v.isNot ? 'pass' : 'fail';
  const message =
    `expected capacity ${v.isNot ? 'not ' : ''}at least ${level} ${unit}: ${shown} — ` +
    `${describeCapacity(received)}`;
  const fields = { threshold: level, observed: received.capacity };
  return v.stated(positive, 'fail', message, fields, {
    actual: received.capacity,
    expected: level,
  });
}
