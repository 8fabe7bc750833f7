import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DiskLedger } from '../../src/ledger-store/disk-ledger.js';
import { ROW_BYTES } from '../../src/ledger-store/columns.js';
import { LedgerIncompleteError } from '../../src/ledger-store/ledger-file-reader.js';
import { Ledger } from '../../src/recorder/ledger.js';
import type { LedgerPushArgs } from '../../src/recorder/ledger-sink.js';

type Row = LedgerPushArgs;

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'disk-ledger-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function rowAt(i: number): Row {
  if (i % 11 === 0)
    return [
      i,
      'write',
      'timeout',
      0,
      `no response ${i % 2}`,
      10.0004,
      i,
      i % 22 === 0 ? 'client-timeout-chaos' : undefined,
    ];
  if (i % 7 === 0) return [i, 'read', 'http-error', 503, i % 2 ? '2' : undefined, 1.5, i];
  if (i % 13 === 0) return [i, 'read', 'cancelled', 0, undefined, undefined, i + 0.25];
  if (i % 17 === 0) return [i, 'w\u00e9ird "name"', 'error', 0, 'ECONNRESET', 3, i];
  return [i, 'read', 'ok', 200, undefined, i / 997, i * 1.0001];
}

describe('DiskLedger', () => {
  test('reads back, chunk by chunk, exactly the entries the in-memory ledger gives', () => {
    const path = join(tempDir(), 'ledger.bin');
    const disk = new DiskLedger('run-', path, 1000);
    const memory = new Ledger('run-');
    const n = 5_321;
    for (let i = 1; i <= n; i++) {
      disk.push(...rowAt(i));
      memory.push(...rowAt(i));
    }
    const status = disk.close();
    expect(status).toMatchObject({ rows: n, writtenRows: n, lostRows: 0 });
    expect(status.error).toBeUndefined();
    // Fixed-width columns: the strings add a few bytes per chunk on top of the rows.
    expect(statSync(path).size).toBe(status.bytes);
    expect(status.bytes).toBeGreaterThanOrEqual(n * ROW_BYTES);
    expect(status.bytes).toBeLessThan(n * ROW_BYTES + 6 * 200);
    expect(JSON.stringify([...disk])).toBe(JSON.stringify(memory.entries()));
  });

  test('a directory it cannot write: the status says so and reading refuses to judge', () => {
    // A "directory" that is a file: unwritable for root too (chmod is not, and tests may run as root).
    const notADir = join(tempDir(), 'plain-file');
    writeFileSync(notADir, '');
    const disk = new DiskLedger('run-', join(notADir, 'ledger.bin'), 10);
    for (let i = 1; i <= 25; i++) disk.push(...rowAt(i));
    const status = disk.close();
    expect(status).toMatchObject({ rows: 25, writtenRows: 0, lostRows: 25 });
    expect(status.error).toMatch(/cannot create the ledger file .*ledger\.bin/);
    expect(() => [...disk]).toThrow(LedgerIncompleteError);
    expect(() => [...disk]).toThrow(/25 of 25 rows were not written/);
  });

  test('a write error mid-run: rows from the failed chunk on count as lost, never dropped silently', () => {
    const path = join(tempDir(), 'ledger.bin');
    let writes = 0;
    const io = {
      open: () => 1,
      write: () => {
        if (++writes === 3) throw new Error('ENOSPC: no space left on device');
      },
      close: () => undefined,
    };
    const disk = new DiskLedger('run-', path, 10, io);
    for (let i = 1; i <= 45; i++) disk.push(...rowAt(i));
    const status = disk.close();
    // Chunks 1 and 2 written (20 rows); chunk 3 failed; the rest had no file to go to.
    expect(status).toMatchObject({ rows: 45, writtenRows: 20, lostRows: 25 });
    expect(status.error).toMatch(/ENOSPC/);
    let err: unknown;
    try {
      Array.from(disk);
    } catch (error) {
      err = error;
    }
    expect(err).toBeInstanceOf(LedgerIncompleteError);
    expect((err as LedgerIncompleteError).code).toBe('ERR_STRESS_LEDGER_INCOMPLETE');
  });
});
