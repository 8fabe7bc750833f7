import { describe, expect, test } from 'vitest';
import { measureRecovery } from '../../src/result/recovery.js';
import type { RunSummary, TimelineEntry } from '../../src/contracts/run-result.js';

/** One timeline second: `p95` ms, `requests` finished, `errors` of them failed. */
function second(
  t: number,
  phase: string,
  p95: number | null,
  requests = 100,
  errors = 0,
  inFlight = 0,
): TimelineEntry {
  return {
    t,
    phase,
    sent: requests,
    requests,
    errors,
    timeouts: 0,
    p50: p95,
    p95,
    p99: p95,
    users: 10,
    inFlight,
  };
}

function phase(p95: number | null, errorRate = 0): RunSummary {
  return { latency: { p95 } as RunSummary['latency'], errorRate } as RunSummary;
}

// warm 0-4 (p95 10 ms), spike 5-7 (p95 400 ms, 20% errors), cool 8-17 settling at 12 ms from second 11
const timeline = [
  ...[0, 1, 2, 3, 4].map((t) => second(t, 'warm', 10)),
  ...[5, 6, 7].map((t) => second(t, 'spike', 400, 100, 20)),
  second(8, 'cool', 300, 100, 10),
  second(9, 'cool', 90, 100, 2),
  second(10, 'cool', 16, 100, 0),
  ...[11, 12, 13, 14, 15, 16, 17].map((t) => second(t, 'cool', 12)),
];
const result = {
  timeline,
  phases: { warm: phase(10), spike: phase(400, 0.2), cool: phase(40, 0.01) },
};

describe('measureRecovery', () => {
  test('time from the end of the phase to the first window within tolerance of the phase before it', () => {
    expect(measureRecovery(result, { after: 'spike' })).toEqual({
      recoveredAfterMs: 3000,
      phase: 'spike',
      baselinePhase: 'warm',
      baselineP95Ms: 10,
      baselineErrorRate: 0,
      p95LimitMs: 15,
      errorRateLimit: 0.01,
      windowS: 3,
      observedAfterMs: 10_000,
    });
  });

  test('a looser p95 factor (number shorthand) recovers sooner; a wider window does not change the start', () => {
    expect(measureRecovery(result, { after: 'spike', tolerance: 2 }).recoveredAfterMs).toBe(2000);
    expect(
      measureRecovery(result, { after: 'spike', tolerance: { p95Factor: 10, errorRate: 0.02 } })
        .recoveredAfterMs,
    ).toBe(1000);
    expect(
      measureRecovery(result, { after: 'spike', tolerance: { windowS: 5 } }).recoveredAfterMs,
    ).toBe(3000);
  });

  test('null when the run ended before a whole window was back within tolerance', () => {
    const short = { ...result, timeline: timeline.slice(0, 12) };
    const r = measureRecovery(short, { after: 'spike' });
    expect(r.recoveredAfterMs).toBeNull();
    expect(r.observedAfterMs).toBe(4000);
  });

  test('a hung second (nothing finished, requests in flight) is not recovered', () => {
    const hung = timeline.map((e) =>
      e.t === 12 ? { ...e, requests: 0, errors: 0, p95: null, inFlight: 50 } : e,
    );
    expect(
      measureRecovery({ ...result, timeline: hung }, { after: 'spike' }).recoveredAfterMs,
    ).toBe(5000);
  });

  test('an explicit baseline phase', () => {
    expect(
      measureRecovery(result, { after: 'spike', baseline: 'cool', tolerance: 1 }).baselineP95Ms,
    ).toBe(40);
  });

  test('bad input: coded errors naming the field', () => {
    const code = 'ERR_STRESS_INVALID_OPTION';
    expect(() => measureRecovery(result, { after: 'surge' })).toThrow(
      expect.objectContaining({ code, field: 'after' }),
    );
    expect(() => measureRecovery(result, { after: 'warm' })).toThrow(
      expect.objectContaining({ code, field: 'after' }),
    );
    expect(() => measureRecovery(result, { after: 'spike', tolerance: 0.5 })).toThrow(
      expect.objectContaining({ code, field: 'tolerance.p95Factor' }),
    );
    expect(() => measureRecovery(result, { after: 'spike', tolerance: { windowS: 0 } })).toThrow(
      expect.objectContaining({ code, field: 'tolerance.windowS' }),
    );
    const noLatency = { ...result, phases: { ...result.phases, warm: phase(null, 1) } };
    expect(() => measureRecovery(noLatency, { after: 'spike' })).toThrow(
      expect.objectContaining({ code, field: 'baseline' }),
    );
  });
});
