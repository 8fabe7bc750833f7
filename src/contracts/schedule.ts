// The open model's schedule section of a result (RunResult.schedule). Types only.

/** How an open-model run kept to its schedule; counts are sends, times are ms. */
export interface ScheduleReport {
  /** Sends the plan asked for. */
  plannedSends: number;
  /** Sends made. */
  sentSends: number;
  /** Sends made more than `lateThresholdMs` after their intended time (their latency includes that delay). */
  lateSends: number;
  lateThresholdMs: number;
  /** Largest delay of a send behind its intended time. */
  maxLateMs: number;
  /** Sends skipped because maxInFlight requests were in flight (also in requests.dropped). */
  droppedSends: number;
  /** Sends not made because the generator was still behind when the run ended (also in requests.dropped). */
  unsentSends: number;
  /** The generator's event-loop lag. */
  eventLoopLagP99Ms: number;
  eventLoopLagMaxMs: number;
}
