import { describe, expect, test } from 'vitest';
import { Ledger } from '../../src/recorder/ledger.js';
import { Recorder } from '../../src/recorder/recorder.js';

describe('compact ledger', () => {
  test('gives back plain entries with the same keys, in the same order, as an object ledger would', () => {
    const ledger = new Ledger('run-');
    ledger.add({
      seq: 2,
      scenario: 'read',
      outcome: 'ok',
      status: 200,
      text: undefined,
      latencyMs: 12.3456789,
      sentAtMs: 1.0004,
    });
    ledger.add({
      seq: 1,
      scenario: 'write',
      outcome: 'http-error',
      status: 503,
      text: '2',
      latencyMs: 0.5,
      sentAtMs: 0,
    });
    ledger.add({
      seq: 3,
      scenario: 'read',
      outcome: 'http-error',
      status: 500,
      text: undefined,
      latencyMs: 3,
      sentAtMs: 2,
    });
    ledger.add({
      seq: 4,
      scenario: 'read',
      outcome: 'error',
      status: 0,
      text: 'ECONNRESET',
      latencyMs: 4,
      sentAtMs: 3,
    });
    ledger.add({
      seq: 5,
      scenario: 'write',
      outcome: 'timeout',
      status: 0,
      text: 'no response within 10 ms',
      latencyMs: 10.0001,
      sentAtMs: 4,
    });
    ledger.add({
      seq: 6,
      scenario: 'read',
      outcome: 'cancelled',
      status: 0,
      text: undefined,
      latencyMs: undefined,
      sentAtMs: 5.5,
    });
    expect(ledger.length).toBe(6);
    // JSON pins the key order too.
    expect(JSON.stringify(ledger.entries())).toBe(
      JSON.stringify([
        {
          id: 'run-2',
          scenario: 'read',
          outcome: 'ok',
          latencyMs: 12.346,
          sentAtMs: 1,
          status: 200,
        },
        {
          id: 'run-1',
          scenario: 'write',
          outcome: 'http-error',
          latencyMs: 0.5,
          sentAtMs: 0,
          status: 503,
          retryAfter: '2',
        },
        {
          id: 'run-3',
          scenario: 'read',
          outcome: 'http-error',
          latencyMs: 3,
          sentAtMs: 2,
          status: 500,
        },
        {
          id: 'run-4',
          scenario: 'read',
          outcome: 'error',
          latencyMs: 4,
          sentAtMs: 3,
          error: 'ECONNRESET',
        },
        {
          id: 'run-5',
          scenario: 'write',
          outcome: 'timeout',
          latencyMs: 10,
          sentAtMs: 4,
          error: 'no response within 10 ms',
        },
        { id: 'run-6', scenario: 'read', outcome: 'cancelled', sentAtMs: 5.5 },
      ]),
    );
  });

  test('grows past one chunk without losing or reordering rows', () => {
    const ledger = new Ledger('x-');
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      ledger.add({
        seq: n - i,
        scenario: `s${i % 3}`,
        outcome: i % 7 === 0 ? 'error' : 'ok',
        status: i % 7 === 0 ? 0 : 200,
        text: i % 7 === 0 ? `e${i % 2}` : undefined,
        latencyMs: i / 1000,
        sentAtMs: i,
      });
    }
    const entries = ledger.entries();
    expect(entries).toHaveLength(n);
    for (const i of [0, 8191, 8192, 8193, 16384, n - 1]) {
      expect(entries[i]).toEqual(
        i % 7 === 0
          ? {
              id: `x-${n - i}`,
              scenario: `s${i % 3}`,
              outcome: 'error',
              latencyMs: i / 1000,
              sentAtMs: i,
              error: `e${i % 2}`,
            }
          : {
              id: `x-${n - i}`,
              scenario: `s${i % 3}`,
              outcome: 'ok',
              latencyMs: i / 1000,
              sentAtMs: i,
              status: 200,
            },
      );
    }
  });

  test('the recorder fills it in the order requests end, cancelled ones last, with µs-rounded times', () => {
    let now = 1000;
    const recorder = new Recorder({ idPrefix: 'r-', now: () => now });
    const a = recorder.begin('a');
    now += 0.25;
    const b = recorder.begin('b');
    now += 1.1234567;
    recorder.end(b, { kind: 'response', status: 429, retryAfter: '5' });
    recorder.end(b, { kind: 'response', status: 200 }); // a second end of the same request is ignored
    const c = recorder.begin('a');
    now += 2;
    recorder.end(a, { kind: 'timeout' });
    recorder.end(c, { kind: 'response', status: 200, retryAfter: '9' }); // Retry-After of a success is not kept
    recorder.begin('b');
    expect(recorder.finish().ledger).toEqual([
      {
        id: 'r-2',
        scenario: 'b',
        outcome: 'http-error',
        status: 429,
        retryAfter: '5',
        latencyMs: 1.123,
        sentAtMs: 0.25,
      },
      {
        id: 'r-1',
        scenario: 'a',
        outcome: 'timeout',
        error: 'request timed out',
        latencyMs: 3.373,
        sentAtMs: 0,
      },
      { id: 'r-3', scenario: 'a', outcome: 'ok', status: 200, latencyMs: 2, sentAtMs: 1.373 },
      { id: 'r-4', scenario: 'b', outcome: 'cancelled', sentAtMs: 3.373 },
    ]);
  });

  test('ledger: false keeps none', () => {
    const recorder = new Recorder({ idPrefix: 'r-', ledger: false });
    recorder.end(recorder.begin('a'), { kind: 'response', status: 200 });
    expect(recorder.finish().ledger).toEqual([]);
  });
});
