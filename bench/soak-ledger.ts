/**
 * The request ledger on disk (src/ledger-store) against the in-memory one: write cost per row,
 * bytes per row on disk, heap/RSS while writing; then an audit join over the file with one
 * audit record deliberately dropped. No HTTP: it measures the ledger alone.
 * Run: npx tsx bench/soak-ledger.ts [--rows 1000000] [--audit-array]   (SOAK_LEDGER_ROWS also works)
 * The synthetic audit source yields its ids one at a time (as a cursor would); --audit-array hands
 * them over as one array of strings instead (what a source that reads everything first costs).
 * Default 200 000 rows so `npm run bench` stays short. Prints; writes nothing into docs.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareAuditTrail } from '../src/audit/audit-trail.js';
import { DiskLedger } from '../src/ledger-store/disk-ledger.js';
import { Ledger } from '../src/recorder/ledger.js';

const args = process.argv.slice(2);
const flag = args.indexOf('--rows');
const ROWS =
  Number(flag >= 0 ? args[flag + 1] : (process.env.SOAK_LEDGER_ROWS ?? 200_000)) || 200_000;
const MB = 1024 * 1024;

/** Push ROWS rows into `ledger`; ms taken. */
function fill(ledger: { push: Ledger['push'] }): number {
  const start = performance.now();
  for (let i = 1; i <= ROWS; i++)
    ledger.push(
      i,
      'read',
      i % 50 === 0 ? 'http-error' : 'ok',
      i % 50 === 0 ? 503 : 200,
      undefined,
      (i % 97) / 7,
      i / 5,
    );
  return performance.now() - start;
}

/** heapMb counts the JS heap plus ArrayBuffers (the ledgers' typed-array columns live there). */
function memory(): { rssMb: number; heapMb: number } {
  const m = process.memoryUsage();
  return { rssMb: Math.round(m.rss / MB), heapMb: Math.round((m.heapUsed + m.arrayBuffers) / MB) };
}

const dir = mkdtempSync(join(tmpdir(), 'soak-ledger-'));
try {
  global.gc?.();
  const before = memory();
  const memoryLedger = new Ledger('run-');
  const memoryMs = fill(memoryLedger);
  const withMemory = memory();
  console.log(
    `in-memory Ledger: ${ROWS} rows in ${memoryMs.toFixed(0)} ms ` +
      `(${((memoryMs * 1e6) / ROWS).toFixed(0)} ns/row); heap+buffers ` +
      `+${withMemory.heapMb - before.heapMb} MB, rss +${withMemory.rssMb - before.rssMb} MB`,
  );

  const path = join(dir, 'ledger.bin');
  const disk = new DiskLedger('run-', path);
  const mid = memory();
  const diskMs = fill(disk);
  const status = disk.close();
  const after = memory();
  const bytes = statSync(path).size;
  console.log(
    `DiskLedger: ${ROWS} rows in ${diskMs.toFixed(0)} ms ` +
      `(${((diskMs * 1e6) / ROWS).toFixed(0)} ns/row); ${bytes} bytes on disk = ` +
      `${(bytes / ROWS).toFixed(2)} B/row; lost ${status.lostRows}; heap+buffers ` +
      `+${after.heapMb - mid.heapMb} MB, rss +${after.rssMb - mid.rssMb} MB while writing`,
  );

  // Audit join over the file: every answered id audited except one, dropped on purpose.
  const dropped = `run-${Math.floor(ROWS / 2)}`;
  function* auditIds(): Generator<string> {
    for (let i = 1; i <= ROWS; i++) if (`run-${i}` !== dropped) yield `run-${i}`;
  }
  const asArray = args.includes('--audit-array');
  global.gc?.();
  const beforeJoin = memory();
  const maxRssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const joinStart = performance.now();
  const comparison = compareAuditTrail(disk, asArray ? [...auditIds()] : auditIds());
  const joinMs = performance.now() - joinStart;
  const peak = memory();
  const maxRssAfterMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const found = comparison.missing.length === 1 && comparison.missing[0] === dropped;
  console.log(
    `audit join over the file: ${joinMs.toFixed(0)} ms; missing ` +
      `${JSON.stringify(comparison.missing)} (dropped ${dropped}: ` +
      `${found ? 'found' : 'NOT FOUND'}); audit ids ${asArray ? 'as one array' : 'one at a time'}; ` +
      `rss ${beforeJoin.rssMb} → ${peak.rssMb} MB, heap+buffers ${beforeJoin.heapMb} → ${peak.heapMb} MB; ` +
      `process peak RSS ${maxRssBeforeMb} MB before the join, ${maxRssAfterMb} MB after it`,
  );
  if (!found) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
