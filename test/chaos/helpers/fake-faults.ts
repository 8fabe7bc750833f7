import {
  withFaults,
  type FaultLogEntry,
  type RunResultWithFaults,
} from '../../../src/chaos/index.js';
import type { RunResultWithPhases } from '../../../src/result/build-result.js';
import { fakeRun, type FakeRequest } from '../../helpers/fake-run.js';

/** A scripted request and what the proxy is said to have done with it. */
export interface FakeChaosRequest extends FakeRequest {
  /** Fault name applied (default 'none'); its type is the same name. */
  fault?: string;
  /** The Retry-After header the proxy passed on. */
  retryAfter?: string;
  /** Leave this request out of the proxy log (it never reached the proxy). */
  unlogged?: boolean;
}

/**
 * A fake run (real recorder, fake clock) joined with a matching fake fault log: request i has
 * id 'fake-<i+1>'. `timeoutMs` goes into the result's options, as load() records it.
 */
export function fakeChaosRun(
  requests: FakeChaosRequest[],
  { timeoutMs = 1000 } = {},
): RunResultWithFaults<RunResultWithPhases> {
  const result = fakeRun(requests, { users: 20 });
  result.options.timeoutMs = timeoutMs;
  const log: FaultLogEntry[] = requests.flatMap((r, i) => {
    if (r.unlogged) return [];
    const fault = r.fault ?? 'none';
    const entry: FaultLogEntry = {
      id: `fake-${i + 1}`,
      seq: i + 1,
      method: 'GET',
      path: '/',
      fault,
      receivedAtMs: Date.parse(result.startedAt) + i,
    };
    if (fault !== 'none') entry.faultType = fault;
    if (r.status !== undefined) entry.status = r.status;
    if (r.retryAfter !== undefined) entry.retryAfter = r.retryAfter;
    return [entry];
  });
  return withFaults(result, { log: () => log, outages: () => [], seed: 1, faults: [] });
}

/** n copies of a request. */
export function times(n: number, request: FakeChaosRequest): FakeChaosRequest[] {
  return Array.from({ length: n }, () => ({ ...request }));
}
