import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';

interface Seen {
  method: string;
  url: string;
  id: string;
  body: string;
  contentType: string | undefined;
  custom: string | undefined;
}
let server: FixtureServer;
const seen: Seen[] = [];
beforeAll(async () => {
  server = await startServer((req, res, body) => {
    seen.push({
      method: req.method!,
      url: req.url!,
      id: String(req.headers['x-trace']),
      body,
      contentType: req.headers['content-type'],
      custom: req.headers['x-team'] as string | undefined,
    });
    res.end('{}');
  });
});
afterAll(() => server.close());

describe('scenarios', () => {
  test('picks scenarios by weight, builds bodies per request and carries the id header', async () => {
    seen.length = 0;
    const run = await load({
      target: `${server.url}/base`,
      users: 4,
      requests: 2000,
      seed: 7,
      headers: { 'x-team': 'credit' },
      requestIdHeader: 'x-trace',
      requestIdPrefix: 'audit-',
      scenarios: [
        {
          name: 'analyze',
          weight: 60,
          method: 'POST',
          path: '/api/analyze',
          body: { records: [1, 2, 3] },
        },
        {
          name: 'explain',
          weight: 30,
          method: 'POST',
          path: '/api/explain',
          body: ({ requestId }) => ({ requestId }),
        },
        { name: 'query', weight: 10, path: '/api/reports/1' },
      ],
    });
    expect(run.requests.ok).toBe(2000);
    const share = (name: string) => run.scenarios[name].requests.total / 2000;
    expect(share('analyze')).toBeCloseTo(0.6, 1);
    expect(share('explain')).toBeCloseTo(0.3, 1);
    expect(share('query')).toBeCloseTo(0.1, 1);
    expect(run.scenario('query').latency.count).toBe(run.scenarios.query.requests.ok);

    const analyze = seen.filter((s) => s.url === '/base/api/analyze');
    expect(analyze.length).toBe(run.scenarios.analyze.requests.total);
    expect(
      analyze.every(
        (s) =>
          s.method === 'POST' &&
          s.body === '{"records":[1,2,3]}' &&
          s.contentType === 'application/json',
      ),
    ).toBe(true);
    const explain = seen.filter((s) => s.url === '/base/api/explain');
    expect(explain.every((s) => JSON.parse(s.body).requestId === s.id)).toBe(true);
    expect(seen.every((s) => s.custom === 'credit' && s.id.startsWith('audit-'))).toBe(true);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
  });

  test('the same seed gives the same scenario sequence', async () => {
    const opts = {
      target: server.url,
      users: 1,
      requests: 200,
      seed: 42,
      scenarios: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 3 },
      ],
    };
    const one = await load(opts);
    const two = await load(opts);
    expect(one.ledger.map((e) => e.scenario)).toEqual(two.ledger.map((e) => e.scenario));
  });

  test('a throwing body function is an error of that request, not a crash', async () => {
    let n = 0;
    const run = await load({
      target: server.url,
      users: 1,
      requests: 20,
      scenarios: [
        {
          name: 'flaky',
          method: 'POST',
          path: '/',
          body: () => {
            if (++n % 2 === 0) throw new Error('no payload');
            return { n };
          },
        },
      ],
    });
    expect(run.requests.errors).toBeGreaterThan(0);
    expect(run.errors[0].message).toBe('body function threw: no payload');
    expect(run.requests.total).toBe(run.requests.ok + run.requests.failed + run.requests.cancelled);
  });
});
