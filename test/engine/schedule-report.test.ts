import { describe, expect, test } from 'vitest';
import {
  LATE_THRESHOLD_MS,
  countSend,
  newSendStats,
  scheduleReport,
} from '../../src/engine/schedule-report.js';

describe('scheduleReport (the schedule section of open-model runs and open-model journeys)', () => {
  test('counts sends, late ones past the threshold and the worst delay, rounded to 0.1 ms', () => {
    const stats = newSendStats();
    countSend(stats, 0, 1);
    countSend(stats, 5, 5 + LATE_THRESHOLD_MS); // exactly at the threshold: not late
    countSend(stats, 10, 10 + LATE_THRESHOLD_MS + 0.04);
    countSend(stats, 20, 57.26);
    stats.dropped = 2;
    stats.unsent = 1;
    expect(scheduleReport(7, stats, { p99Ms: 3, maxMs: 40 })).toEqual({
      plannedSends: 7,
      sentSends: 4,
      lateSends: 2,
      lateThresholdMs: LATE_THRESHOLD_MS,
      maxLateMs: 37.3,
      droppedSends: 2,
      unsentSends: 1,
      eventLoopLagP99Ms: 3,
      eventLoopLagMaxMs: 40,
    });
  });
});
