/**
 * The audit join over a paged HTTP export (issue 24): client memory when the export is read page
 * by page against one page of everything. The export runs in a child process (bench/servers/
 * paged-audit-export.mjs, 127.0.0.1, stopped by PID) and serves ids run-1..run-N but one
 * (run-<N/2>, dropped on purpose); the ledger is synthetic (N entries, one at a time).
 * Run: npx tsx bench/audit-export-pages.ts [--ids 1000000] [--page-size 10000]
 * Run it once per page size: the peak RSS it prints is the process's own (getrusage maxRSS).
 * Default 200 000 ids. Prints; writes nothing into docs.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fetchAuditIds } from '../src/audit/audit-source.js';
import { compareAuditTrail } from '../src/audit/audit-trail.js';
import type { LedgerEntry } from '../src/contracts/run-result.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const IDS = arg('--ids', 200_000);
const PAGE_SIZE = arg('--page-size', 10_000);
const DROPPED = Math.floor(IDS / 2);
const MB = 1024 * 1024;

/** The run's ledger: N answered requests, one at a time. */
const ledger = {
  length: IDS,
  *[Symbol.iterator](): Generator<LedgerEntry> {
    for (let n = 1; n <= IDS; n++)
      yield {
        id: `run-${n}`,
        scenario: 's',
        outcome: 'ok',
        status: 200,
        latencyMs: 1,
        sentAtMs: n,
      };
  },
};

const server = spawn(
  process.execPath,
  [join(import.meta.dirname, 'servers/paged-audit-export.mjs'), String(IDS), String(DROPPED)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
try {
  const [port] = (await once(server.stdout!, 'data')) as [Buffer];
  const url = `http://127.0.0.1:${String(port).trim()}`;
  const rssBeforeMb = process.memoryUsage().rss / MB;
  const maxRssBeforeMb = process.resourceUsage().maxRSS / 1024;
  const load1 = loadavg()[0];
  const started = performance.now();
  const counts = await fetchAuditIds(
    { exportUrl: url, pageSize: PAGE_SIZE },
    {
      idPrefix: 'run-',
      sinceMs: 0,
    },
  );
  const readMs = performance.now() - started;
  const comparison = compareAuditTrail(ledger, counts);
  const totalMs = performance.now() - started;
  console.log(
    JSON.stringify(
      {
        ids: IDS,
        pageSize: PAGE_SIZE,
        pages: counts.pages,
        largestPageIds: counts.largestPageIds,
        records: counts.records,
        missing: comparison.missing,
        readSeconds: +(readMs / 1000).toFixed(2),
        joinSeconds: +(totalMs / 1000).toFixed(2),
        rssBeforeMb: +rssBeforeMb.toFixed(1),
        maxRssBeforeMb: +maxRssBeforeMb.toFixed(1),
        peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
        loadAverage1m: [+load1.toFixed(2), +loadavg()[0].toFixed(2)],
      },
      null,
      2,
    ),
  );
} finally {
  server.kill();
}
