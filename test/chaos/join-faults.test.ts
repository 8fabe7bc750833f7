import { describe, expect, test } from 'vitest';
import { joinFaults, type FaultLogEntry } from '../../src/chaos/index.js';
import { fakeRun } from '../helpers/fake-run.js';

const run = fakeRun([
  { latencyMs: 5 },
  { latencyMs: 5, status: 500 },
  { latencyMs: 5, error: 'read ECONNRESET' },
]);
run.options.requestIdPrefix = 'fake-';
const at = Date.parse(run.startedAt);
const entry = (
  id: string | undefined,
  fault = 'none',
  extra: Partial<FaultLogEntry> = {},
): FaultLogEntry => ({
  id,
  seq: 0,
  method: 'GET',
  path: '/',
  fault,
  receivedAtMs: at,
  ...(fault !== 'none' ? { faultType: fault } : {}),
  ...extra,
});

describe('joinFaults', () => {
  test('matches by id; failures on untouched requests are unexplained', () => {
    const faults = joinFaults(run, [
      entry('fake-1'),
      entry('fake-2', 'none', { status: 500 }),
      entry('fake-3', 'reset'),
    ]);
    expect(faults.join).toEqual({
      exact: true,
      matched: 3,
      ledgerOnly: {},
      answeredNotLogged: 0,
      logOnly: 0,
      unidentified: 0,
      otherTraffic: 0,
      duplicates: 0,
    });
    expect(faults.outcomes).toEqual({ none: { ok: 1, 'http-error': 1 }, reset: { error: 1 } });
    expect(faults.unexplained).toMatchObject({
      total: 1,
      unexpected5xx: 1,
      statusCodes: { 500: 1 },
      examples: [{ id: 'fake-2', outcome: 'http-error', status: 500 }],
    });
  });

  test('other runs are left out; gaps make the join inexact', () => {
    const faults = joinFaults(run, [
      entry('fake-1'),
      entry('fake-3', 'reset'),
      entry('fake-9'),
      entry('other-1'),
      entry(undefined),
    ]);
    expect(faults.join).toEqual({
      exact: false,
      matched: 2,
      ledgerOnly: { 'http-error': 1 },
      answeredNotLogged: 1,
      logOnly: 1,
      unidentified: 1,
      otherTraffic: 1,
      duplicates: 0,
    });
    expect(faults.unexplained.total).toBe(1);
  });

  test('a re-sent id counts once, by its last entry', () => {
    const faults = joinFaults(run, [
      entry('fake-1', 'reset'),
      entry('fake-1'),
      entry('fake-2'),
      entry('fake-3', 'reset'),
    ]);
    expect(faults.join.duplicates).toBe(1);
    expect(faults.injected).toEqual({ none: 2, reset: 1 });
  });

  test('outage windows land on the timeline seconds they overlap', () => {
    const faults = joinFaults(
      run,
      [],
      [
        { downAtMs: at + 1500, upAtMs: at + 3200, requests: 4 },
        { downAtMs: at + 29_500, upAtMs: undefined, requests: 0 },
      ],
    );
    expect(faults.outages).toMatchObject([
      {
        fromS: 1.5,
        toS: 3.2,
        seconds: [1, 2, 3],
        requests: 4,
        upAt: new Date(at + 3200).toISOString(),
      },
      { fromS: 29.5, toS: null, upAt: null },
    ]);
    expect(faults.timeline.filter((s) => s.down).map((s) => s.t)).toEqual([
      1,
      2,
      3,
      ...faults.outages[1].seconds,
    ]);
  });
});

describe('client-side chaos in the join', () => {
  test("is recognised by the ledger's cause, not by an error message", () => {
    const chaosRun = fakeRun([
      { latencyMs: 20, timeout: true, cause: 'client-timeout-chaos' },
      { latencyMs: 20, timeout: true },
      { latencyMs: 5 },
    ]);
    expect(chaosRun.ledger.map((e) => e.cause)).toEqual([
      'client-timeout-chaos',
      undefined,
      undefined,
    ]);
    const faults = joinFaults(chaosRun, []);
    expect(faults.injected['client-timeout']).toBe(1);
  });
});
