import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await okServer(2);
});
afterAll(() => server.close());

describe('load() accounting', () => {
  test('every sent request is counted exactly once and appears once in the ledger', async () => {
    const run = await load({ target: server.url, users: 8, duration: '1500ms' });
    const r = run.requests;
    expect(r.total).toBeGreaterThan(100);
    expect(r.total).toBe(r.ok + r.failed + r.cancelled);
    expect(r.failed).toBe(r.httpErrors + r.errors + r.timeouts);
    expect(run.ledger).toHaveLength(r.total);
    const ids = run.ledger.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every answered request reached the server with its id; the server saw nothing we did not send.
    const seen = new Set(server.seenIds);
    for (const e of run.ledger) if (e.outcome === 'ok') expect(seen.has(e.id)).toBe(true);
    const sent = new Set(ids);
    expect(server.seenIds.every((id) => sent.has(id))).toBe(true);
    expect(run.latency.count).toBe(r.ok);
    expect(run.statusCodes['200']).toBe(r.ok);
  });

  test('the timeline covers the run and adds up to the totals', async () => {
    const run = await load({ target: server.url, users: 4, duration: '2s' });
    expect(run.timeline.length).toBeGreaterThanOrEqual(2);
    expect(run.timeline.map((t) => t.t)).toEqual(run.timeline.map((_, i) => i));
    const finished = run.timeline.reduce((s, t) => s + t.requests, 0);
    expect(finished).toBe(run.requests.ok + run.requests.failed);
    const sent = run.timeline.reduce((s, t) => s + t.sent, 0);
    expect(sent).toBe(run.requests.total);
    expect(run.timeline[0].users).toBe(4);
    expect(run.timeline[0].p95).toBeGreaterThan(0);
  });

  test('a request count sends exactly that many requests', async () => {
    const run = await load({ target: server.url, users: 5, requests: 200 });
    expect(run.requests.total).toBe(200);
    expect(run.requests.ok).toBe(200);
    expect(run.requests.cancelled).toBe(0);
  });

  test('the result is plain JSON and keeps its figures through a round trip', async () => {
    const run = await load({ target: server.url, users: 2, requests: 50 });
    const copy = JSON.parse(JSON.stringify(run));
    expect(copy.latency).toEqual(run.latency);
    expect(copy.requests).toEqual(run.requests);
    expect(copy.model).toBe('closed');
    expect(copy.measured).toBe('service time (closed model)');
    expect(copy.options.target).toBe(`${server.url}/`);
    expect(typeof copy.histogram).toBe('string');
    expect(copy).toHaveP95Below(10_000);
  });

  test('latencies are fractional milliseconds from our own histogram', async () => {
    const run = await load({ target: server.url, users: 2, requests: 200 });
    const l = run.latency;
    expect(l.p50).toBeGreaterThanOrEqual(2);
    expect([l.min!, l.p50!, l.p75!, l.p90!, l.p95!, l.p99!, l.p999!, l.max!]).toEqual(
      [l.min!, l.p50!, l.p75!, l.p90!, l.p95!, l.p99!, l.p999!, l.max!]
        .slice()
        .sort((a, b) => a - b),
    );
    expect(
      run.ledger.some((e) => e.latencyMs !== undefined && !Number.isInteger(e.latencyMs)),
    ).toBe(true);
  });

  test('the ledger is built only when read, and the reporter never reads it', async () => {
    const run = await load({ target: server.url, users: 2, requests: 30 });
    // Attaching the run to the test (toRunMeta) left it unbuilt.
    expect(typeof Object.getOwnPropertyDescriptor(run, 'ledger')?.get).toBe('function');
    expect(Object.keys(run)).toContain('ledger');
    expect(run.ledger).toHaveLength(30);
    expect(Object.getOwnPropertyDescriptor(run, 'ledger')).toMatchObject({
      enumerable: true,
      writable: true,
    });
    expect(run.ledger).toBe(run.ledger);
    expect(JSON.parse(JSON.stringify(run)).ledger).toHaveLength(30);
  });

  test('the run is attached to the test for the reporter', async ({ task }) => {
    await load({ target: server.url, users: 1, requests: 10, name: 'attached' });
    const runs = task.meta.vitestStress?.runs ?? [];
    expect(runs).toHaveLength(1);
    expect(runs[0].name).toBe('attached');
    expect(runs[0].requests.total).toBe(10);
    expect('ledger' in runs[0]).toBe(false);
  });
});
