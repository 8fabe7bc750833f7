import type { VerdictState } from '../contracts/meta.js';
import type { CapacityResult } from './capacity-types.js';

/** True for a findCapacity() result. */
export function isCapacityResult(value: unknown): value is CapacityResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as CapacityResult).kind === 'vitest-stress/capacity'
  );
}

/**
 * Does `result` sustain at least `level`? pass: a level >= it passed conclusively; fail: a level
 * <= it failed conclusively; inconclusive otherwise (search stopped, or the deciding level stayed
 * inconclusive, or the range never reached it).
 */
export function sustainState(result: CapacityResult, level: number): VerdictState {
  if (result.capacity !== null && result.capacity >= level) return 'pass';
  const failed = result.levels.some((l) => l.level <= level && l.state === 'fail');
  return failed ? 'fail' : 'inconclusive';
}

/** 'breaking point: 40 users (95%: passes at 40, fails at 50 on p95), limited by …'. */
export function describeCapacity(result: CapacityResult): string {
  const pct = `${Math.round(result.confidence * 1000) / 10}%`;
  const unit = result.unit;
  const lines = result.brokenLines
    .map((l) => `${l.metric}${l.state === 'inconclusive' ? ' (inconclusive)' : ''}`)
    .join(', ');
  const head =
    result.outcome === 'limit-not-reached'
      ? `no breaking point up to ${result.capacity} ${unit} (limit not reached)`
      : result.capacity === null
        ? `no capacity: even ${result.firstFailing ?? 'the first level'} ${unit} did not pass ` +
          `(${lines || result.outcome})`
        : `breaking point: ${result.capacity} ${unit} (${pct}: passes at ${result.capacity}, ` +
          `fails at ${result.firstFailing} on ${lines})`;
  const bound = result.generatorBound ? ' — a lower bound set by the load generator' : '';
  return `${head}${bound}; limited by: ${result.attribution.text}`;
}
