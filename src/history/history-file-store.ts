import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidOptionError, WriteFailedError } from '../errors.js';
import {
  HISTORY_SCHEMA,
  isHistoryRecord,
  sortRecords,
  type HistoryRecord,
  type StoreContents,
} from './history-record.js';

/**
 * A store given as a file: `.jsonl` (or `.ndjson`), one run per line. A `.json` path is refused:
 * one JSON document cannot be appended to without rewriting it, so two jobs would lose a run.
 */
export function isFileStore(path: string): boolean {
  if (/\.json$/i.test(path))
    throw new InvalidOptionError(
      '--store',
      path,
      'a directory, or a .jsonl file with one run per line (a .json document cannot be appended to safely)',
    );
  return /\.(jsonl|ndjson)$/i.test(path);
}

/**
 * Every run of a `.jsonl` store, oldest first. A line that is not whole JSON (a torn append)
 * or not a history record is skipped with a warning naming its line; a run id seen on an
 * earlier line is ignored (two jobs adding one run at once). A missing file is an empty store.
 */
export async function readFileStore(path: string): Promise<StoreContents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], warnings: [] };
    throw error;
  }
  const records: HistoryRecord[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      warnings.push(
        `skipped line ${i + 1}: not whole JSON, a torn append? (${(error as Error).message})`,
      );
      return;
    }
    if (!isHistoryRecord(value))
      warnings.push(`skipped line ${i + 1}: not a ${HISTORY_SCHEMA} record`);
    else if (!seen.has(value.runId)) {
      seen.add(value.runId);
      records.push(value);
    }
  });
  return { records: sortRecords(records), warnings };
}

/**
 * Append one run as one line with a single write() on a file opened for appending (O_APPEND:
 * the kernel puts each write at the end, so two jobs' lines do not overwrite each other), then
 * fsync. A torn last line (a killed append) is closed with a newline first, so it stays one bad
 * line. A run id already in the file is ignored (returns false); one added by a parallel job in
 * the same instant is dropped when read.
 */
export async function appendRunToFile(path: string, record: HistoryRecord): Promise<boolean> {
  try {
    if ((await readFileStore(path)).records.some((r) => r.runId === record.runId)) return false;
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a+');
    try {
      const { size } = await handle.stat();
      const last = Buffer.alloc(1);
      if (size > 0) await handle.read(last, 0, 1, size - 1);
      const torn = size > 0 && last[0] !== 0x0a;
      await handle.write(`${torn ? '\n' : ''}${JSON.stringify(record)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    throw new WriteFailedError(path, error);
  }
}
