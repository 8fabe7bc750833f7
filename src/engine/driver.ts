import type { ResolvedLoadOptions } from '../options/load-options.js';
import type { Recorder } from '../recorder/recorder.js';
import type { RequestPlan } from './request-plan.js';

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
  engine: string;
}

/**
 * A driver sends traffic per the options until its duration, request count or stages are
 * done or the signal aborts, feeding every request through recorder.begin()/end().
 * It resolves once it has stopped sending and closed its sockets; requests still in
 * flight are left to the recorder, which counts them as cancelled.
 */
export type Driver = (context: DriverContext) => Promise<DriverReport>;
