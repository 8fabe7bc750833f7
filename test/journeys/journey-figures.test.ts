import { describe, expect, test } from 'vitest';
import { JourneyFigures } from '../../src/journeys/journey-figures.js';

describe('JourneyFigures', () => {
  test('each started iteration ends once, in any order; cancelAll() ends exactly those in flight', () => {
    const figures = new JourneyFigures(['a', 'b']);
    const its = Array.from({ length: 7 }, (_, i) => figures.start(i % 2 ? 'b' : 'a', i * 10));
    expect(its.map((it) => it.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(figures.inFlight).toBe(7);
    // The middle, the last, the first: every link of the list in flight is cut once.
    figures.complete(its[3], 100);
    figures.fail(its[6], 'pay', 'HTTP 500', ['ship']);
    figures.complete(its[0], 50);
    figures.cancel(its[2]);
    // A second end of the same iteration counts nothing.
    figures.complete(its[3], 999);
    figures.cancel(its[6]);
    expect(figures.inFlight).toBe(3);
    figures.cancelAll();
    expect(figures.inFlight).toBe(0);
    figures.cancelAll();
    expect(its.every((it) => it.done)).toBe(true);
    const { a, b } = figures.journeySummaries(1000);
    expect([a.started, a.completed, a.failed, a.cancelled]).toEqual([4, 1, 1, 2]);
    expect([b.started, b.completed, b.failed, b.cancelled]).toEqual([3, 1, 0, 2]);
    expect(a.failedAt).toEqual({ pay: 1 });
    expect(a.skippedSteps).toEqual({ ship: 1 });
    // Durations from each iteration's start: 50 - 0 and 100 - 30 ms.
    expect(a.latency.max).toBe(50);
    expect(b.latency.max).toBe(70);
    expect(its.map((it) => figures.journeyOf(it.seq))).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a']);
    // Started again after the list emptied: it is linked and cancelled like the first.
    figures.start('b', 0);
    expect(figures.inFlight).toBe(1);
    figures.cancelAll();
    expect(figures.journeySummaries(1000).b.cancelled).toBe(3);
  });
});
