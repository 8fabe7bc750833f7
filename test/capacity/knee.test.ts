import { describe, expect, test } from 'vitest';
import { kneeLevel } from '../../src/capacity/knee.js';
import type { LevelSummary } from '../../src/capacity/capacity-types.js';

const level = (n: number, rps: number) => ({ level: n, throughputRps: rps }) as LevelSummary;

describe('kneeLevel', () => {
  test('the first level reaching 90% of the peak throughput', () => {
    expect(kneeLevel([level(40, 200), level(10, 100), level(20, 185), level(30, 199)])).toBe(20);
  });
  test('null without levels', () => {
    expect(kneeLevel([])).toBeNull();
  });
});
