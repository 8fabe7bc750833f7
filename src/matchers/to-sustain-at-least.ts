import type { MatcherState } from 'vitest';
import { describeCapacity, isCapacityResult, sustainState } from '../capacity/capacity-verdict.js';
import { describeReceived } from './describe.js';
import { record, type MatcherResult } from './judge.js';

/**
 * Passes when a findCapacity() result sustains at least `level` users (or rps): pass / fail /
 * inconclusive (an inconclusive verdict passes unless STRESS_INCONCLUSIVE=fail is wanted: it fails here).
 */
export function toSustainAtLeast(this: MatcherState, received: unknown, level: number, unit: 'users' | 'rps'): MatcherResult {
  const isNot = this.isNot === true;
  const base = { matcher: 'toSustainAtLeast', metric: 'capacity', unit: String(unit), negated: isNot };
  const bad = (message: string): MatcherResult => {
    record(this, { ...base, threshold: typeof level === 'number' ? level : describeReceived(level), observed: null, pass: false, message });
    return { pass: isNot, message: () => message };
  };
  if (!isCapacityResult(received)) return bad(`toSustainAtLeast: expected a findCapacity() result, received ${describeReceived(received)}`);
  if (typeof level !== 'number' || !(level > 0)) return bad(`toSustainAtLeast: level must be a number > 0, received ${describeReceived(level)}`);
  if (unit !== received.unit) return bad(`toSustainAtLeast: unit must be '${received.unit}' for this ${received.model}-model search, received ${describeReceived(unit)}`);
  const raw = sustainState(received, level);
  const state = isNot ? (raw === 'pass' ? 'fail' : raw === 'fail' ? 'pass' : raw) : raw;
  const message = `expected capacity ${isNot ? 'not ' : ''}at least ${level} ${unit}: ${state} — ${describeCapacity(received)}`;
  record(this, { ...base, threshold: level, observed: received.capacity, pass: state === 'pass', message, state });
  // Inconclusive never counts as a pass: it fails the assertion with and without .not.
  const holds = state === 'pass';
  return { pass: isNot ? !holds : holds, message: () => message, actual: received.capacity, expected: level };
}
