import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { SpillLedger } from '../../src/ledger-store/spill-ledger.js';
import { removeAllPending, pendingLedgerFiles } from '../../src/ledger-store/ledger-cleanup.js';
import { Ledger } from '../../src/recorder/ledger.js';
import type { LedgerFileIo } from '../../src/ledger-store/ledger-file-writer.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spill-ledger-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Fill `ledger` with `rows` varied rows (ok, http-error with Retry-After, timeout with cause, cancelled). */
function fill(ledger: Pick<Ledger, 'push'>, rows: number): void {
  for (let i = 1; i <= rows; i++) {
    if (i % 13 === 0) ledger.push(i, 'b', 'timeout', 0, 'slow', 9.5, i, 'client-timeout-chaos');
    else if (i % 7 === 0) ledger.push(i, 'a', 'http-error', 503, '2', 1.25, i);
    else if (i === rows) ledger.push(i, 'a', 'cancelled', 0, undefined, undefined, i);
    else ledger.push(i, 'a', 'ok', 200, undefined, i / 1000, i + 0.0004);
  }
}

function expected(rows: number) {
  const memory = new Ledger('r-');
  fill(memory, rows);
  return memory.entries();
}

describe('SpillLedger', () => {
  test('a small run stays in memory: result.ledger is the plain array, no file', () => {
    const ledger = new SpillLedger('r-', { dir: tempDir(), memoryRows: 100 });
    fill(ledger, 99);
    const closed = ledger.close();
    expect(closed.file).toBeUndefined();
    expect(Array.isArray(closed.read())).toBe(true);
    expect(closed.read()).toEqual(expected(99));
  });

  test('past memoryRows it moves to disk, and reads back the same entries in order', () => {
    const dir = tempDir();
    const ledger = new SpillLedger('r-', { dir, memoryRows: 100, chunkRows: 64 });
    fill(ledger, 1000);
    const { read, file } = ledger.close();
    expect(file).toMatchObject({
      rows: 1000,
      writtenRows: 1000,
      lostRows: 0,
      partial: false,
      kept: false,
    });
    expect(file!.path.startsWith(dir)).toBe(true);
    expect(statSync(file!.path).size).toBe(file!.bytes);
    const view = read();
    expect(Array.isArray(view)).toBe(false);
    expect(view.length).toBe(1000);
    expect([...view]).toEqual(expected(1000));
    // The array methods read it in one pass each.
    expect(view.filter((e) => e.outcome === 'timeout')).toHaveLength(Math.floor(1000 / 13));
    expect(view.map((e) => e.id).slice(0, 2)).toEqual(['r-1', 'r-2']);
    expect(view.find((e) => e.outcome === 'cancelled')?.id).toBe('r-1000');
    expect(view.some((e) => e.status === 503)).toBe(true);
    expect(view.every((e) => e.id.startsWith('r-'))).toBe(true);
    expect(JSON.parse(JSON.stringify({ ledger: view })).ledger).toEqual(expected(1000));
  });

  test('a file not kept is removed at exit; a kept one stays', () => {
    const dir = tempDir();
    const gone = new SpillLedger('r-', { dir, memoryRows: 0 });
    const kept = new SpillLedger('r-', { dir, memoryRows: 0, keep: true });
    fill(gone, 10);
    fill(kept, 10);
    const gonePath = gone.close().file!.path;
    const keptFile = kept.close().file!;
    expect(keptFile.kept).toBe(true);
    expect(pendingLedgerFiles()).toContain(gonePath);
    expect(pendingLedgerFiles()).not.toContain(keptFile.path);
    removeAllPending();
    expect(existsSync(gonePath)).toBe(false);
    expect(existsSync(keptFile.path)).toBe(true);
  });

  test('a write error mid-run: the rows are counted as lost and reading refuses with the code', () => {
    let writes = 0;
    const io: LedgerFileIo = {
      open: () => 3,
      write: () => {
        if (++writes === 3) throw new Error('ENOSPC: no space left on device');
      },
      close: () => {},
    };
    const ledger = new SpillLedger('r-', { memoryRows: 0, chunkRows: 10, io });
    fill(ledger, 100);
    const { read, file } = ledger.close();
    expect(file).toMatchObject({ rows: 100, writtenRows: 20, lostRows: 80, partial: true });
    expect(file!.error).toContain('ENOSPC');
    expect(() => [...read()]).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_LEDGER_INCOMPLETE' }),
    );
  });
});
