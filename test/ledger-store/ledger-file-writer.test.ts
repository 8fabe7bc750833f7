import { closeSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DiskLedger } from '../../src/ledger-store/disk-ledger.js';
import { SpillLedger } from '../../src/ledger-store/spill-ledger.js';
import {
  MAX_PENDING_WRITES,
  nodeLedgerIo,
  type LedgerFileIo,
} from '../../src/ledger-store/ledger-file-writer.js';
import { Ledger } from '../../src/recorder/ledger.js';
import type { LedgerAppender } from '../../src/recorder/ledger-sink.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-writer-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fill(ledger: LedgerAppender, from: number, to: number): void {
  for (let i = from; i <= to; i++) {
    if (i % 9 === 0) ledger.push(i, 'b', 'timeout', 0, 'slow', 9.5, i, 'client-timeout-chaos');
    else ledger.push(i, 'a', 'ok', 200, undefined, i / 1000, i + 0.0004);
  }
}

/** A write handed to writeAsync and not answered yet. */
interface InFlight {
  fd: number;
  bytes: Uint8Array;
  position: number;
  done: (error?: Error) => void;
}

describe('LedgerFileWriter: chunks written off the event loop', () => {
  test('a write that fails asynchronously mid-run: the status says so, the rows count as lost', async () => {
    let writes = 0;
    const io: LedgerFileIo = {
      open: () => 7,
      write: () => undefined,
      writeAsync: (_fd, _bytes, _position, done) =>
        setImmediate(() => done(++writes === 2 ? new Error('EIO: i/o error, write') : undefined)),
      close: () => undefined,
    };
    const ledger = new SpillLedger('r-', { memoryRows: 0, chunkRows: 10, io });
    fill(ledger, 1, 30);
    await vi.waitFor(() => expect(writes).toBe(3));
    fill(ledger, 31, 35);
    const { file, read } = ledger.close();
    // Chunks 1 and 3 written, chunk 2 failed; after the error nothing more is written.
    expect(file).toMatchObject({ rows: 35, writtenRows: 20, lostRows: 15, partial: true });
    expect(file!.error).toMatch(/cannot write the ledger file .*EIO/);
    expect(() => [...read()]).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_LEDGER_INCOMPLETE' }),
    );
  });

  test('close() with writes in flight: the file is whole at once, and the descriptor closes after them', () => {
    const path = join(tempDir(), 'ledger.bin');
    const inFlight: InFlight[] = [];
    const closed: number[] = [];
    const io: LedgerFileIo = {
      ...nodeLedgerIo,
      writeAsync: (fd, bytes, position, done) => inFlight.push({ fd, bytes, position, done }),
      close: (fd) => {
        closed.push(fd);
        closeSync(fd);
      },
    };
    const disk = new DiskLedger('r-', path, 10, io);
    const memory = new Ledger('r-');
    fill(disk, 1, 35);
    fill(memory, 1, 35);
    expect(inFlight).toHaveLength(3);
    const status = disk.close();
    expect(status).toMatchObject({ rows: 35, writtenRows: 35, lostRows: 0 });
    expect(status.error).toBeUndefined();
    expect([...disk.read()]).toEqual(memory.entries());
    // The descriptor stays open while the first writes are still on it.
    expect(closed).toEqual([]);
    const onDisk = readFileSync(path);
    for (const w of inFlight) {
      nodeLedgerIo.write(w.fd, w.bytes, w.position);
      w.done();
    }
    expect(readFileSync(path).equals(onDisk)).toBe(true);
    expect(closed).toHaveLength(1);
    expect(disk.status()).toEqual(status);
  });

  test('a disk that does not keep up: past MAX_PENDING_WRITES chunks are written synchronously', () => {
    let asyncWrites = 0;
    let syncWrites = 0;
    const io: LedgerFileIo = {
      open: () => 7,
      write: () => void syncWrites++,
      writeAsync: () => void asyncWrites++,
      close: () => undefined,
    };
    const disk = new DiskLedger('r-', 'unused', 10, io);
    fill(disk, 1, 200);
    expect(asyncWrites).toBe(MAX_PENDING_WRITES);
    expect(syncWrites).toBe(20 - MAX_PENDING_WRITES);
    // close() writes the ones still in flight again, synchronously: the status is final.
    expect(disk.close()).toMatchObject({ rows: 200, writtenRows: 200, lostRows: 0 });
    expect(syncWrites).toBe(20);
  });
});
