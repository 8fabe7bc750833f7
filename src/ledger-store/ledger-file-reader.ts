import { closeSync, openSync, readSync } from 'node:fs';
import { StressError } from '../errors.js';
import { COLUMNS, type ColumnChunk } from './columns.js';
import type { LedgerFileStatus } from './ledger-file-writer.js';

/** One chunk read back: its columns and the string table as far as this chunk. */
export interface ReadChunk {
  rows: number;
  columns: ColumnChunk;
  /** Every string interned so far, by index. */
  strings: readonly string[];
}

/** A ledger file that lost rows (or was never written whole): joins must not judge on it. */
export class LedgerIncompleteError extends StressError {
  constructor(status: LedgerFileStatus) {
    super(
      'ERR_STRESS_LEDGER_INCOMPLETE',
      `the request ledger is incomplete: ${status.lostRows} of ` +
        `${status.rows} rows were not written (${status.error ?? 'unknown error'})`,
    );
    this.name = 'LedgerIncompleteError';
  }
}

/**
 * Read a ledger file chunk by chunk (synchronously, one chunk in memory at a time). Refuses
 * (LedgerIncompleteError) a file whose writer lost rows, so no join judges a partial ledger.
 */
export function* readLedgerChunks(status: LedgerFileStatus): Generator<ReadChunk> {
  if (status.error !== undefined || status.lostRows > 0) throw new LedgerIncompleteError(status);
  const fd = openSync(status.path, 'r');
  const strings: string[] = [];
  try {
    let position = 0;
    const header = Buffer.alloc(8);
    while (readExactly(fd, header, position)) {
      position += 8;
      const rows = header.readUInt32LE(0);
      const stringBytes = header.readUInt32LE(4);
      if (stringBytes > 0) {
        const text = Buffer.alloc(stringBytes);
        readExactly(fd, text, position);
        position += stringBytes;
        strings.push(...(JSON.parse(text.toString('utf8')) as string[]));
      }
      const columns: Record<string, unknown> = {};
      for (const c of COLUMNS) {
        // Its own buffer per column (not Buffer's shared pool): typed arrays need aligned offsets.
        const bytes = new Uint8Array(rows * c.type.BYTES_PER_ELEMENT);
        readExactly(fd, bytes, position);
        position += bytes.length;
        columns[c.name] = new c.type(bytes.buffer, 0, rows);
      }
      yield { rows, columns: columns as ColumnChunk, strings };
    }
  } finally {
    closeSync(fd);
  }
}

/** Fill `buffer` from `position`; false at a clean end of file, throws on a torn chunk. */
function readExactly(fd: number, buffer: Uint8Array, position: number): boolean {
  let got = 0;
  while (got < buffer.length) {
    const n = readSync(fd, buffer, got, buffer.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  if (got === 0 && buffer.length > 0) return false;
  if (got < buffer.length)
    throw new StressError(
      'ERR_STRESS_LEDGER_INCOMPLETE',
      'the request ledger file ends inside a chunk',
    );
  return true;
}
