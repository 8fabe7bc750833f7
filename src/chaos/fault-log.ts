import { performance } from 'node:perf_hooks';

/** What the proxy did with a request: a fault's name, 'none' (forwarded untouched) or 'down' (outage). */
export type InjectedFault = string;

/** How the proxy's side of a request ended. */
export type ProxyEnd =
  /** An answer (forwarded or injected) was sent whole. */
  | 'answered'
  /** The proxy reset the client's socket (reset fault or outage). */
  | 'reset'
  /** The client went away before the answer was complete (its timeout, most often). */
  | 'client-closed'
  /** The upstream could not be reached or failed mid-answer; the client got a 502 or a reset. */
  | 'upstream-error'
  /** close() ended the request. */
  | 'proxy-closed';

/** One request seen by the proxy: the ground truth of what was injected. */
export interface FaultLogEntry {
  /** The request id header's value; undefined when the request carried none. */
  id: string | undefined;
  /** Arrival order at the proxy, from 1. */
  seq: number;
  method: string;
  /** Path and query as received. */
  path: string;
  /** The fault applied: a fault name, 'none' or 'down'. */
  fault: InjectedFault;
  /** The fault's type ('latency', 'status', ...); absent for 'none' and 'down'. */
  faultType?: string;
  /** Arrival time, epoch ms (fractional). */
  receivedAtMs: number;
  /** Time from arrival to the end of the proxy's part, ms; absent while in flight. */
  durationMs?: number;
  /** How the proxy's side ended; absent while in flight. */
  end?: ProxyEnd;
  /** Status sent to the client, when an answer was started. */
  status?: number;
  /** Status the upstream answered with, when the request was forwarded and answered. */
  upstreamStatus?: number;
  /** Value of the Retry-After header sent to the client, when there was one. */
  retryAfter?: string;
}

/** A down() .. up() window. */
export interface OutageWindow {
  /** When down() was called, epoch ms. */
  downAtMs: number;
  /** When up() was called, epoch ms; undefined while still down. */
  upAtMs: number | undefined;
  /** Requests reset during the window. */
  requests: number;
}

/** The current time as epoch ms with sub-millisecond precision. */
export function epochNowMs(): number {
  return performance.timeOrigin + performance.now();
}
