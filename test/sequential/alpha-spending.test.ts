import { describe, expect, test } from 'vitest';
import { lookAlpha, obrienFlemingSpent } from '../../src/sequential/alpha-spending.js';

describe('obrienFlemingSpent', () => {
  test('spends all of α by the end and nothing at the start', () => {
    expect(obrienFlemingSpent(1, 0.05)).toBe(0.05);
    expect(obrienFlemingSpent(0, 0.05)).toBe(0);
  });

  test('early looks get almost nothing: under 0.1% of α by a fifth of the run', () => {
    expect(obrienFlemingSpent(0.2, 0.05)).toBeLessThan(0.05 * 0.001);
    expect(obrienFlemingSpent(0.5, 0.05)).toBeGreaterThan(obrienFlemingSpent(0.2, 0.05));
  });

  test('the looks of a run add up to α however many there are', () => {
    for (const looks of [1, 7, 30, 300]) {
      let spent = 0;
      for (let k = 1; k <= looks; k++) spent += lookAlpha((k - 1) / looks, k / looks, 0.05);
      expect(spent).toBeCloseTo(0.05, 10);
    }
  });
});
