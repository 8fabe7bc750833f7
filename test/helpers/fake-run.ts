import { Recorder } from '../../src/recorder/recorder.js';
import { buildResult, type RunResultWithPhases } from '../../src/result/build-result.js';

export interface FakeRequest {
  latencyMs: number;
  status?: number;
  error?: string;
  timeout?: boolean;
  /** For a timeout: the generator's own cause (client-side chaos). */
  cause?: 'client-timeout-chaos';
  retryAfter?: string;
}

/**
 * A real run result built by the real recorder from scripted requests, with a fake clock:
 * request i is sent at i * durationMs / n and ends after its latency (requests overlap, as
 * with concurrent users); events are fed to the recorder in time order.
 */
export function fakeRun(
  requests: FakeRequest[],
  { users = 10, durationMs = 30_000 } = {},
): RunResultWithPhases {
  let now = 0;
  const recorder = new Recorder({ idPrefix: 'fake-', now: () => now });
  recorder.setUsers(users);
  const step = requests.length > 0 ? durationMs / requests.length : durationMs;
  type Event = { at: number; order: number; run: () => void };
  const events: Event[] = [];
  requests.forEach((r, i) => {
    const sentAt = i * step;
    let ticket: ReturnType<typeof recorder.begin> | undefined;
    events.push({
      at: sentAt,
      order: 0,
      run: () => {
        ticket = recorder.begin('default');
      },
    });
    events.push({
      at: sentAt + r.latencyMs,
      order: 1,
      run: () => {
        if (r.timeout)
          recorder.end(
            ticket!,
            r.cause ? { kind: 'timeout', cause: r.cause } : { kind: 'timeout' },
          );
        else if (r.error) recorder.end(ticket!, { kind: 'error', message: r.error });
        else
          recorder.end(
            ticket!,
            r.retryAfter === undefined
              ? { kind: 'response', status: r.status ?? 200 }
              : { kind: 'response', status: r.status ?? 200, retryAfter: r.retryAfter },
          );
      },
    });
  });
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const e of events) {
    now = e.at;
    e.run();
  }
  now = Math.max(now, durationMs);
  return buildResult({
    report: recorder.finish(),
    model: 'closed',
    engine: 'undici',
    profile: 'quick',
    target: 'http://127.0.0.1:1/',
    startedAt: new Date(0),
    warnings: [],
    options: {},
  });
}

/** n successful requests with latencies 1..n ms (so p95 of 1000 is ~950 ms). */
export function linearRun(
  n: number,
  options?: { users?: number; durationMs?: number },
): RunResultWithPhases {
  return fakeRun(
    Array.from({ length: n }, (_, i) => ({ latencyMs: i + 1 })),
    options,
  );
}
