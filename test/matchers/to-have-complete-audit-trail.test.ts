import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { compareAuditTrail } from '../../src/audit/audit-trail.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';
import { fakeRun } from '../helpers/fake-run.js';

/** A service that audits every request id it answers, optionally losing or doubling some. */
async function auditingServer(
  opts: { dropEvery?: number; duplicateEvery?: number; invent?: string } = {},
) {
  const records: Array<{ requestId: string; timestamp: number }> = [];
  let n = 0;
  const server: FixtureServer = await startServer((req, res) => {
    if (req.url?.startsWith('/api/audit/export')) {
      const since = Number(new URL(req.url, 'http://x').searchParams.get('since'));
      const out = records.filter((r) => r.timestamp >= since);
      if (opts.invent) out.push({ requestId: opts.invent, timestamp: Date.now() });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ records: out, count: out.length }));
      return;
    }
    const id = String(req.headers['x-request-id']);
    n++;
    if (!(opts.dropEvery && n % opts.dropEvery === 0))
      records.push({ requestId: id, timestamp: Date.now() });
    if (opts.duplicateEvery && n % opts.duplicateEvery === 0)
      records.push({ requestId: id, timestamp: Date.now() });
    res.end('ok');
  });
  return server;
}

const servers: FixtureServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function serve(opts?: Parameters<typeof auditingServer>[0]) {
  const s = await auditingServer(opts);
  servers.push(s);
  return s;
}

describe('compareAuditTrail', () => {
  const ledger = [
    { id: 'p-1', scenario: 's', outcome: 'ok' as const, status: 200, sentAtMs: 0 },
    { id: 'p-2', scenario: 's', outcome: 'http-error' as const, status: 503, sentAtMs: 0 },
    { id: 'p-3', scenario: 's', outcome: 'timeout' as const, sentAtMs: 0 },
    { id: 'p-4', scenario: 's', outcome: 'cancelled' as const, sentAtMs: 0 },
  ];
  test('answered requests (2xx-5xx) must be there once; unanswered ones may be', () => {
    expect(compareAuditTrail(ledger, ['p-1', 'p-2', 'p-3'])).toMatchObject({
      expected: 2,
      missing: [],
      duplicated: [],
      unknown: [],
      auditedWithoutAnswer: 1,
      complete: true,
    });
  });
  test('missing, duplicated and unknown ids are each caught', () => {
    const c = compareAuditTrail(ledger, ['p-1', 'p-1', 'p-9']);
    expect(c).toMatchObject({
      missing: ['p-2'],
      duplicated: [{ id: 'p-1', count: 2 }],
      unknown: ['p-9'],
      complete: false,
    });
  });
});

describe('.toHaveCompleteAuditTrail', () => {
  let complete: FixtureServer;
  beforeAll(async () => {
    complete = await serve();
  });

  test('passes when every answered request was audited exactly once', async () => {
    const run = await load({ target: complete.url, users: 4, requests: 600 });
    await expect(run).toHaveCompleteAuditTrail({ exportUrl: complete.url });
  });

  test('a service that loses one record in a hundred fails, naming what is missing', async () => {
    const lossy = await serve({ dropEvery: 100 });
    const run = await load({ target: lossy.url, users: 4, requests: 600 });
    await expect(
      expect(run).toHaveCompleteAuditTrail({ exportUrl: lossy.url }, { settleMs: 300 }),
    ).rejects.toThrow(
      new RegExp(
        String.raw`^expected every answered request to appear exactly once in the audit trail: ` +
          String.raw`6 of 600 answered requests missing \(e\.g\. vs-`,
      ),
    );
  });

  test('duplicates and invented ids fail', async () => {
    const doubling = await serve({ duplicateEvery: 50, invent: 'vs-nobody-1' });
    const run = await load({
      target: doubling.url,
      users: 2,
      requests: 100,
      requestIdPrefix: 'vs-',
    });
    await expect(
      expect(run).toHaveCompleteAuditTrail({ exportUrl: doubling.url }, { settleMs: 0 }),
    ).rejects.toThrow(
      new RegExp(
        String.raw`0 of 100 answered requests missing, 2 duplicated \(e\.g\. vs-\d+×2, vs-\d+×2` +
          String.raw`\), 1 unknown \(e\.g\. vs-nobody-1\)`,
      ),
    );
  });

  test('a function source works, and records arriving late are waited for', async () => {
    const run = await load({ target: complete.url, users: 2, requests: 50 });
    let calls = 0;
    const ids = run.ledger.map((e) => e.id);
    await expect(run).toHaveCompleteAuditTrail(
      { fetchIds: async () => (++calls < 3 ? ids.slice(0, 10) : ids) },
      { settleMs: 5000 },
    );
    expect(calls).toBe(3);
  });

  test('an unreachable audit source fails clearly', async () => {
    const run = await load({ target: complete.url, users: 1, requests: 5 });
    await expect(
      expect(run).toHaveCompleteAuditTrail({ exportUrl: 'http://127.0.0.1:1' }),
    ).rejects.toThrow(
      /toHaveCompleteAuditTrail: could not read the audit export at http:\/\/127\.0\.0\.1:1\/api\/audit\/export/,
    );
  });

  test('not a run result, or a run that sent nothing, never passes', async () => {
    await expect(
      expect({ ledger: [] }).toHaveCompleteAuditTrail({ fetchIds: async () => [] }),
    ).rejects.toThrow(
      /expected a vitest-stress run result from load\(\), received an object with keys ledger/,
    );
    await expect(
      expect(fakeRun([])).toHaveCompleteAuditTrail({ fetchIds: async () => [] }),
    ).rejects.toThrow(/the run sent no requests to check/);
  });
});

describe('.not.toHaveCompleteAuditTrail', () => {
  test('passes for an incomplete trail, fails for a complete one', async () => {
    const lossy = await serve({ dropEvery: 10 });
    const run = await load({ target: lossy.url, users: 2, requests: 100 });
    await expect(run).not.toHaveCompleteAuditTrail({ exportUrl: lossy.url }, { settleMs: 0 });
    const ids = run.ledger.map((e) => e.id);
    await expect(
      expect(run).not.toHaveCompleteAuditTrail({ fetchIds: async () => ids }),
    ).rejects.toThrow(
      'expected the audit trail to be incomplete, but all 100 answered requests appear exactly once',
    );
  });
});

describe('MongoDB source', () => {
  const uri = process.env.MONGODB_URI;
  test.skipIf(!uri)(
    'reads the audit collection with the official driver (needs MONGODB_URI: no mongod binary on this machine)',
    async () => {
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(uri!);
      await client.connect();
      const collection = client.db('vitest_stress_test').collection(`auditlogs_${Date.now()}`);
      const server = await serve();
      const run = await load({ target: server.url, users: 2, requests: 50 });
      await collection.insertMany(
        run.ledger.map((e) => ({ requestId: e.id, timestamp: new Date() })),
      );
      await expect(run).toHaveCompleteAuditTrail({
        mongodb: {
          uri: uri!,
          database: 'vitest_stress_test',
          collection: collection.collectionName,
        },
      });
      await collection.drop();
      await client.close();
    },
  );
  if (!uri)
    console.warn(
      '[vitest-stress] MongoDB audit-source test skipped: set MONGODB_URI to a running ' +
        'mongod (none can be installed on this machine).',
    );
});
