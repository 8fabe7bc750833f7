import { afterAll, describe, expect, test } from 'vitest';
import { fetchAuditIds } from '../../src/audit/audit-source.js';
import { compareAuditTrail } from '../../src/audit/audit-trail.js';
import { AuditSourceError } from '../../src/errors.js';
import { load } from '../../src/load.js';
import type { FixtureServer } from '../helpers/servers.js';
import { startPagingExport, type PageFault } from './paging-export-server.js';

const servers: FixtureServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function paging(ids: () => readonly string[], fault?: PageFault) {
  const server = await startPagingExport(ids, fault);
  servers.push(server);
  return server;
}

const query = { idPrefix: 'run-', sinceMs: 0 };
const runIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `run-${i + 1}`);

describe('the HTTP export source, page by page', () => {
  test('holds one page at a time: 1000 records in 10 pages of 100, never 2 pages asked at once', async () => {
    const ids = [...runIds(1000), 'other-1', 'other-2'];
    const server = await paging(() => ids);
    const counts = await fetchAuditIds({ exportUrl: server.url, pageSize: 100 }, query);
    expect(server.limits).toEqual(Array(11).fill(100));
    expect(server.pagesAsked()).toBe(11);
    expect(server.maxInFlight()).toBe(1);
    expect(counts.pages).toBe(11);
    expect(counts.records).toBe(1000);
    // The bound: the most ids the source held at once is one page, not the run.
    expect(counts.largestPageIds).toBe(100);
    const ledger = runIds(1000).map((id) => ({
      id,
      scenario: 's',
      outcome: 'ok' as const,
      status: 200,
      latencyMs: 1,
      sentAtMs: 0,
    }));
    expect(compareAuditTrail(ledger, counts)).toMatchObject({ expected: 1000, complete: true });
  });

  test('a server that does not page (no "next") is one page: the reference service today', async () => {
    const ids = runIds(30);
    const server = await paging(() => ids);
    const counts = await fetchAuditIds({ exportUrl: server.url, pageSize: 1_000_000 }, query);
    expect([counts.pages, counts.records, counts.largestPageIds]).toEqual([1, 30, 30]);
  });

  test.each([
    ['status-500', /page 3 failed after 200 of this run's records \(HTTP 500\)/],
    ['reset', /page 3 failed after 200 of this run's records \(fetch failed: \w+\)/],
    [
      'same-cursor',
      /page 3 failed after 300 of this run's records \(the export answered its own cursor "200"/,
    ],
  ] as const)(
    'a page that fails mid-stream (%s on page 3) → a coded error, never a partial trail',
    async (kind, text) => {
      const server = await paging(() => runIds(1000), { page: 3, kind });
      const error = await fetchAuditIds({ exportUrl: server.url, pageSize: 100 }, query).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AuditSourceError);
      expect(error).toMatchObject({
        code: 'ERR_STRESS_AUDIT_SOURCE',
        source: 'export',
        page: 3,
        recordsRead: kind === 'same-cursor' ? 300 : 200,
      });
      expect((error as Error).message).toMatch(
        new RegExp(
          `^could not read the audit export at ${server.url}/api/audit/export\\?since=0&limit=100: `,
        ),
      );
      expect((error as Error).message).toMatch(text);
      expect((error as Error).message).toMatch(/a partial trail is not judged$/);
    },
  );

  test('bad options name their field', async () => {
    for (const pageSize of [0, 1.5, 2_000_000])
      await expect(
        fetchAuditIds({ exportUrl: 'http://127.0.0.1:1', pageSize }, query),
      ).rejects.toMatchObject({ code: 'ERR_STRESS_INVALID_OPTION', field: 'source.pageSize' });
    await expect(
      fetchAuditIds({ exportUrl: 'http://127.0.0.1:1', pagesize: 5 } as never, query),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_UNKNOWN_OPTION', field: 'pagesize' });
  });
});

describe('toHaveCompleteAuditTrail over a paged export', () => {
  test('passes a complete trail read in pages; a 500 on page 2 fails it with the coded reason', async () => {
    const ids: string[] = [];
    const ok = await paging(() => ids);
    const run = await load({ target: ok.url, users: 2, requests: 60, requestIdPrefix: 'pg-' });
    ids.push(...run.ledger.map((e) => e.id));
    await expect(run).toHaveCompleteAuditTrail({ exportUrl: ok.url, pageSize: 25 });
    expect(ok.pagesAsked()).toBe(3);

    const broken = await paging(() => ids, { page: 2, kind: 'status-500' });
    await expect(
      expect(run).toHaveCompleteAuditTrail(
        { exportUrl: broken.url, pageSize: 25 },
        { settleMs: 0 },
      ),
    ).rejects.toThrow(
      new RegExp(
        String.raw`^toHaveCompleteAuditTrail: could not read the audit export at .*: page 2 failed ` +
          String.raw`after 25 of this run's records \(HTTP 500\); a partial trail is not judged$`,
      ),
    );
  });
});
