import { describe, expect, test } from 'vitest';
import { Recorder } from '../../src/recorder/recorder.js';

/** A recorder on a fake clock. */
function fake(ledger = true) {
  let clock = 0;
  const recorder = new Recorder({ idPrefix: 'r-', ledger, now: () => clock });
  return { recorder, advance: (ms: number) => (clock += ms) };
}

describe('recorder fast paths', () => {
  test('endResponse() records exactly what end() with a response Finish records', () => {
    const a = fake();
    const b = fake();
    for (const [status, retryAfter] of [
      [200, undefined],
      [503, '2'],
      [429, undefined],
      [302, 'ignored'],
      [200, undefined],
    ] as const) {
      const ta = a.recorder.begin('s');
      const tb = b.recorder.begin('s');
      a.advance(3.25);
      b.advance(3.25);
      a.recorder.end(
        ta,
        retryAfter === undefined
          ? { kind: 'response', status }
          : { kind: 'response', status, retryAfter },
      );
      b.recorder.endResponse(tb, status, retryAfter);
      // A second end counts nothing.
      b.recorder.endResponse(tb, 500);
      a.recorder.end(ta, { kind: 'error', message: 'late' });
    }
    expect(b.recorder.finish()).toEqual(a.recorder.finish());
  });

  test("one scenario: its summary is the run's; a second scenario later splits them so they still add up", () => {
    const { recorder, advance } = fake();
    const t1 = recorder.begin('read');
    const t2 = recorder.begin('read');
    advance(5);
    recorder.endResponse(t1, 200);
    recorder.end(t2, { kind: 'error', message: 'ECONNRESET' });
    recorder.drop('read');
    const only = fake();
    only.recorder.begin('read');
    expect(only.recorder.finish().scenarios).toEqual({ read: only.recorder.finish().total });

    const t3 = recorder.begin('read');
    const t4 = recorder.begin('write');
    advance(7);
    recorder.endResponse(t3, 503, '1');
    recorder.endResponse(t4, 200);
    const t5 = recorder.begin('write');
    recorder.drop('write');
    const report = recorder.finish();
    expect(t5.done).toBe(true);
    expect(Object.keys(report.scenarios)).toEqual(['read', 'write']);
    const { read, write } = report.scenarios;
    expect(read.requests).toEqual({
      total: 3,
      ok: 1,
      failed: 2,
      httpErrors: 1,
      errors: 1,
      timeouts: 0,
      cancelled: 0,
      dropped: 1,
    });
    expect(write.requests).toEqual({
      total: 2,
      ok: 1,
      failed: 0,
      httpErrors: 0,
      errors: 0,
      timeouts: 0,
      cancelled: 1,
      dropped: 1,
    });
    expect(read.statusCodes).toEqual({ 200: 1, 503: 1 });
    expect(read.errors).toEqual([{ message: 'ECONNRESET', count: 1 }]);
    expect(read.latency.count).toBe(1);
    expect(write.latency.count).toBe(1);
    expect(report.total.requests.total).toBe(5);
    expect(report.total.latency.count).toBe(2);
  });

  // Split by scenario, the run's histogram is added up from the scenarios' when read, not recorded.
  test("after a split the run's histogram, live and summarised, is every success's, read at any time", () => {
    const one = fake();
    const split = fake();
    const latenciesMs = [3.5, 12, 0.25, 7, 40, 1.5, 9, 2, 250, 4, 6.75, 18];
    for (const [i, latencyMs] of latenciesMs.entries()) {
      const a = one.recorder.begin('all');
      const b = split.recorder.begin(i % 3 === 0 ? 'read' : 'write');
      one.advance(latencyMs);
      split.advance(latencyMs);
      // One answer in four is an HTTP error: counted, not in the histogram.
      const status = i % 4 === 3 ? 500 : 200;
      one.recorder.endResponse(a, status);
      if (i % 2 === 0) split.recorder.endResponse(b, status);
      else split.recorder.end(b, { kind: 'response', status });
      const live = split.recorder.liveTotal();
      expect(live.histogram.totalCount).toBe(one.recorder.liveTotal().histogram.totalCount);
      expect(live.histogram.maxValue).toBe(one.recorder.liveTotal().histogram.maxValue);
      expect(split.recorder.snapshot().p95Ms).toBe(one.recorder.snapshot().p95Ms);
    }
    const [a, b] = [one.recorder.finish().total, split.recorder.finish().total];
    expect(b.latency.count).toBe(9);
    expect(b.latency).toEqual(a.latency);
    expect(b.histogram).toBe(a.histogram);
    expect(b.requests).toEqual(a.requests);
    expect(b.statusCodes).toEqual(a.statusCodes);
  });

  test('cancelInFlight() cancels every open request once, oldest first, wherever the finished ones were', () => {
    const { recorder } = fake();
    const tickets = Array.from({ length: 6 }, () => recorder.begin('s'));
    recorder.endResponse(tickets[0], 200);
    recorder.endResponse(tickets[3], 200);
    recorder.endResponse(tickets[5], 200);
    expect(recorder.inFlight).toBe(3);
    recorder.cancelInFlight();
    expect(recorder.inFlight).toBe(0);
    recorder.cancelInFlight();
    recorder.endResponse(tickets[1], 200);
    const report = recorder.finish();
    expect(report.total.requests).toMatchObject({ total: 6, ok: 3, cancelled: 3 });
    expect(report.ledger.map((e) => [e.id, e.outcome])).toEqual([
      ['r-1', 'ok'],
      ['r-4', 'ok'],
      ['r-6', 'ok'],
      ['r-2', 'cancelled'],
      ['r-3', 'cancelled'],
      ['r-5', 'cancelled'],
    ]);
    expect(tickets.map((t) => t.id)).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6']);
  });
});
