import type { ResolvedLoadOptions } from '../options/load-options.js';
import type { Recorder } from '../recorder/recorder.js';
import type { ResultEngine } from '../contracts/run-result.js';
import type { RequestPlan } from './request-plan.js';
import type { ScheduleReport } from '../contracts/schedule.js';

/**
 * A timed closed-model run gives requests still in flight at its planned end this long to finish
 * (from the planned end, not from when the driver noticed it); closing the sockets takes the
 * rest of the 1 s within which a run stops after its duration.
 */
export const END_DRAIN_MS = 300;

/**
 * After the schedule (open model) or the duration (virtual users) ends, wait at most this long for
 * answers before counting the rest as cancelled.
 */
export const DRAIN_GRACE_MS = 1000;

/** What every driver gets. */
export interface DriverContext {
  options: ResolvedLoadOptions;
  recorder: Recorder;
  plan: RequestPlan;
  /** Aborted when the user's signal or the test's signal fires: stop within 1 s. */
  signal: AbortSignal;
  /** Note something that makes the figures less trustworthy; it lands in result.warnings. */
  warn(message: string): void;
}

/** What a driver reports back. */
export interface DriverReport {
  /** Name of the engine, e.g. 'autocannon'. */
  engine: ResultEngine;
  /** Open model only: how well the generator kept to its send schedule. */
  schedule?: ScheduleReport;
}

/**
 * A driver sends traffic per the options until its duration, request count or stages are
 * done or the signal aborts, feeding every request through recorder.begin()/end().
 * It resolves once it has stopped sending and closed its sockets; requests still in
 * flight are left to the recorder, which counts them as cancelled (Recorder.stop()).
 * The shared skeleton is in driver-loop.ts: runLoop (the timer loop, stopped by its step or the
 * signal), stopAtEndOrAbort (for autocannon's own loop) and finishSending (drain, stop the
 * clock, close, lag warning).
 */
export type Driver = (context: DriverContext) => Promise<DriverReport>;
