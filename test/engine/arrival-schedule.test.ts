import { describe, expect, test } from 'vitest';
import { ArrivalSchedule } from '../../src/engine/arrival-schedule.js';
import { StagePlan } from '../../src/engine/stage-plan.js';

function times(plan: StagePlan): number[] {
  const schedule = new ArrivalSchedule(plan);
  const out: number[] = [];
  for (let t = schedule.next(); Number.isFinite(t); t = schedule.next()) out.push(t);
  return out;
}

function perSecond(sends: number[]): number[] {
  const counts: number[] = [];
  for (const t of sends) counts[Math.floor(t / 1000)] = (counts[Math.floor(t / 1000)] ?? 0) + 1;
  return counts;
}

describe('ArrivalSchedule', () => {
  test('a constant rate is evenly spaced, with exactly the rate in every second', () => {
    const sends = times(
      new StagePlan([{ name: undefined, durationMs: 3000, rampMs: 0, level: 1000 }]),
    );
    expect(sends).toHaveLength(3000);
    expect(sends[0]).toBeCloseTo(0.5);
    expect(sends[1] - sends[0]).toBeCloseTo(1);
    expect(sends[2999]).toBeCloseTo(2999.5);
    expect(perSecond(sends)).toEqual([1000, 1000, 1000]);
  });

  test('a linear ramp 0 → 100 req/s over 10 s sends the integral (500) with a rising rate', () => {
    const plan = new StagePlan([{ name: 'up', durationMs: 10_000, rampMs: 10_000, level: 100 }]);
    const sends = times(plan);
    expect(sends).toHaveLength(500);
    expect(new ArrivalSchedule(plan).plannedTotal).toBe(500);
    // second k of a 0→100 ramp carries 10k + 5 arrivals
    expect(perSecond(sends)).toEqual([5, 15, 25, 35, 45, 55, 65, 75, 85, 95]);
  });

  test('steps and ramps down across stages', () => {
    const plan = new StagePlan([
      { name: 'a', durationMs: 2000, rampMs: 0, level: 50 },
      { name: 'b', durationMs: 2000, rampMs: 2000, level: 10 },
    ]);
    const counts = perSecond(times(plan));
    expect(counts).toEqual([50, 50, 40, 20]);
  });

  test('a stage at rate 0 sends nothing in it', () => {
    const sends = times(
      new StagePlan([
        { name: 'on', durationMs: 1000, rampMs: 0, level: 10 },
        { name: 'off', durationMs: 1000, rampMs: 0, level: 0 },
        { name: 'on2', durationMs: 1000, rampMs: 0, level: 10 },
      ]),
    );
    expect(perSecond(sends)).toEqual([10, undefined, 10]);
  });
});

describe('StagePlan', () => {
  const plan = new StagePlan([
    { name: 'warm', durationMs: 1000, rampMs: 0, level: 5 },
    { name: 'spike', durationMs: 2000, rampMs: 1000, level: 25 },
    { name: 'cool', durationMs: 1000, rampMs: 0, level: 10 },
  ]);
  test('levelAt steps, ramps linearly from the previous level, holds', () => {
    expect(plan.levelAt(0)).toBe(5);
    expect(plan.levelAt(999)).toBe(5);
    expect(plan.levelAt(1500)).toBe(15);
    expect(plan.levelAt(2500)).toBe(25);
    expect(plan.levelAt(3000)).toBe(10);
    expect(plan.levelAt(4000)).toBe(0);
    expect(plan.maxLevel).toBe(25);
    expect(plan.totalMs).toBe(4000);
  });
  test('stageIndexAt', () => {
    expect([0, 999, 1000, 2999, 3000, 5000].map((t) => plan.stageIndexAt(t))).toEqual([
      0, 0, 1, 1, 2, 2,
    ]);
  });
});
