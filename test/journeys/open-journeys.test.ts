import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import type { LedgerEntry } from '../../src/contracts/run-result.js';
import { stallingServer } from '../engine/servers.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';
import { blockEventLoop } from '../engine/run-driver.js';

describe('open-model journeys against a server that stalls 1 s in every 2.5 s', () => {
  let server: { close(): Promise<void>; url: string };
  beforeAll(async () => {
    server = await stallingServer(2500, 1000);
  });
  afterAll(() => server.close());

  // As for single requests (test/engine/open-driver.test.ts) only the lower bound is a unit test:
  // a busy machine can only add delay. The stall shows from the intended start, not hidden.
  test('rate 50 for 5 s: journey p99 and first-step p99 show the stall, every arrival is started', async () => {
    const run = await load({
      target: server.url,
      rate: 50,
      duration: '5s',
      progress: false,
      journeys: [
        {
          name: 'two-step',
          steps: [
            { name: 'first', path: '/a' },
            { name: 'second', path: '/b' },
          ],
        },
      ],
    });
    const journey = run.journeys!['two-step'];
    expect(run.model).toBe('open');
    expect(run.schedule!.plannedSends).toBe(250);
    expect(run.schedule!.sentSends).toBe(250);
    expect(journey.started).toBe(250);
    expect(journey.completed + journey.failed + journey.cancelled).toBe(journey.started);
    expect(journey.latency.p99).toBeGreaterThan(850);
    expect(run.steps!.first.latency.p99).toBeGreaterThan(850);
    for (const step of Object.values(run.steps!)) {
      const r = step.requests;
      expect(r.total).toBe(r.ok + r.failed + r.cancelled);
    }
    expect(run.steps!.first.requests.total).toBe(250);
  }, 30_000);

  test('maxInFlight caps journeys in flight: the rest are dropped and counted', async () => {
    const run = await load({
      target: server.url,
      rate: 200,
      duration: '1s',
      maxInFlight: 5,
      progress: false,
      journeys: [{ name: 'j', steps: [{ name: 's', path: '/' }] }],
    });
    const journey = run.journeys!.j;
    expect(journey.dropped).toBe(run.schedule!.droppedSends);
    expect(journey.started + journey.dropped).toBe(run.schedule!.plannedSends);
  }, 30_000);
});

describe('open-model journeys from a generator that falls behind', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await okServer();
  });
  afterAll(() => server.close());

  // The first step of each journey is timed from the arrival's intended start: in the ledger the
  // starts sit exactly on the schedule (every 5 ms at 200/s), whatever the generator's timers did,
  // and the journeys due while it was blocked for 300 ms carry that wait.
  test('journeys are timed from their intended start, also while the generator is blocked', async () => {
    const blocker = setTimeout(() => blockEventLoop(300), 1000);
    const run = await load({
      target: server.url,
      rate: 200,
      duration: '2s',
      progress: false,
      journeys: [
        {
          name: 'j',
          steps: [
            { name: 'a', path: '/a' },
            { name: 'b', path: '/b' },
          ],
        },
      ],
    });
    clearTimeout(blocker);
    const starts = run.ledger
      .filter((e) => e.scenario === 'a')
      .map((e) => e.sentAtMs)
      .sort((x, y) => x - y);
    expect(starts).toHaveLength(400);
    const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]) * 100) / 100);
    expect(new Set(gaps)).toEqual(new Set([5]));
    expect(run.schedule!.lateSends).toBeGreaterThanOrEqual(40);
    expect(run.journeys!.j.latency.max).toBeGreaterThan(250);
  }, 30_000);

  // A later step's intended start is the previous step's end plus its think time. While the loop
  // is blocked, think timers fire late and steps go out late: that wait must be in their latency,
  // so in the ledger each 'b' starts exactly at its 'a''s end + 50 ms, not at its (late) send.
  test('a later step is timed from the previous end plus its think time, not from its late send', async () => {
    const thinkMs = 50;
    const blocker = setTimeout(() => blockEventLoop(300), 700);
    const run = await load({
      target: server.url,
      rate: 100,
      duration: '1.5s',
      progress: false,
      journeys: [
        {
          name: 'j',
          steps: [
            { name: 'a', path: '/a', thinkTime: thinkMs },
            { name: 'b', path: '/b' },
          ],
        },
      ],
    });
    clearTimeout(blocker);
    const pairs = new Map<string, { a?: LedgerEntry; b?: LedgerEntry }>();
    for (const entry of run.ledger) {
      const pair = pairs.get(entry.journeyId!) ?? {};
      pair[entry.scenario as 'a' | 'b'] = entry;
      pairs.set(entry.journeyId!, pair);
    }
    let checked = 0;
    for (const { a, b } of pairs.values()) {
      if (a?.outcome !== 'ok' || b === undefined || b.outcome === 'cancelled') continue;
      const intendedMs = a.sentAtMs + a.latencyMs! + thinkMs;
      // Never later than intended; up to ~1 ms earlier when a timer fires early (clamped to now).
      expect(b.sentAtMs - intendedMs).toBeLessThanOrEqual(0.5);
      expect(b.sentAtMs - intendedMs).toBeGreaterThan(-2);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(140);
    expect(run.steps!.b.latency.max).toBeGreaterThan(200);
  }, 30_000);
});
