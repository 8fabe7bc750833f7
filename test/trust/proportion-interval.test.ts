import { describe, expect, it } from 'vitest';
import { newcombeDifference, wilsonInterval } from '../../src/trust/proportion-interval.js';

describe('wilsonInterval', () => {
  it('10 of 100 at z = 1.96: [0.0552, 0.1744]', () => {
    const i = wilsonInterval(10, 100, 0.975);
    expect(i.low).toBeCloseTo(0.0552, 4);
    expect(i.high).toBeCloseTo(0.1744, 4);
  });

  it('0 of 300 has an upper bound of z²/n / (1 + z²/n) ≈ 0.894%', () => {
    const i = wilsonInterval(0, 300, 0.95);
    expect(i.low).toBe(0);
    expect(i.high).toBeCloseTo(0.008938, 5);
  });

  it('no events: the lower bound is exactly 0 (not 1e-17); all events: the upper bound is exactly 1', () => {
    expect(wilsonInterval(0, 10, 0.95).low).toBe(0);
    expect(wilsonInterval(300, 300, 0.95).high).toBe(1);
  });

  it('refuses n = 0', () => {
    expect(() => wilsonInterval(0, 0, 0.95)).toThrow(RangeError);
  });
});

describe('newcombeDifference', () => {
  it("Newcombe's example 56/70 vs 48/80 at z = 1.96: 0.0524 to 0.3339", () => {
    const d = newcombeDifference(48, 80, 56, 70, 0.975);
    expect(d.estimate).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
  });
});
