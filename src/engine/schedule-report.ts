import type { ScheduleReport } from '../contracts/schedule.js';
import type { LoopLag } from './loop-lag.js';

/** A send this much behind its intended time counts as late (the timer's own jitter is ~1-2 ms). */
export const LATE_THRESHOLD_MS = 10;

/** What an open-model loop counts while it sends: sends (or journey starts), late, dropped, unsent. */
export interface SendStats {
  sent: number;
  late: number;
  /** Largest delay of a send behind its intended time, ms. */
  maxLateMs: number;
  dropped: number;
  unsent: number;
}

/** Counters at zero. */
export function newSendStats(): SendStats {
  return { sent: 0, late: 0, maxLateMs: 0, dropped: 0, unsent: 0 };
}

/** Count one send made at `nowMs` that was due at `intendedMs` (same clock, ms). */
export function countSend(stats: SendStats, intendedMs: number, nowMs: number): void {
  const lateMs = nowMs - intendedMs;
  if (lateMs > LATE_THRESHOLD_MS) stats.late++;
  if (lateMs > stats.maxLateMs) stats.maxLateMs = lateMs;
  stats.sent++;
}

/** The result's `schedule` section: how the run kept to a plan of `plannedSends` sends. */
export function scheduleReport(
  plannedSends: number,
  stats: SendStats,
  lag: LoopLag,
): ScheduleReport {
  return {
    plannedSends,
    sentSends: stats.sent,
    lateSends: stats.late,
    lateThresholdMs: LATE_THRESHOLD_MS,
    maxLateMs: Math.round(stats.maxLateMs * 10) / 10,
    droppedSends: stats.dropped,
    unsentSends: stats.unsent,
    eventLoopLagP99Ms: lag.p99Ms,
    eventLoopLagMaxMs: lag.maxMs,
  };
}
