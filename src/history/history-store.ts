import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidOptionError, WriteFailedError } from '../errors.js';
import {
  HISTORY_SCHEMA,
  isHistoryRecord,
  sortRecords,
  type HistoryRecord,
  type StoreContents,
} from './history-record.js';
import { appendRunToFile, isFileStore, readFileStore } from './history-file-store.js';

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export type { StoreContents } from './history-record.js';

/** Throws ERR_STRESS_INVALID_OPTION unless `runId` is a safe file name. */
export function checkRunId(runId: string): void {
  if (!RUN_ID.test(runId))
    throw new InvalidOptionError(
      'run-id',
      runId,
      'letters, digits, ".", "_" or "-" (1-128, not starting with "." "_" "-")',
    );
}

/**
 * Add one run to the store: a `.jsonl` file store appends a line (history-file-store.ts); a
 * directory store gets `<runId>.json`, written whole to a temp file, then
 * hard-linked to its name, which fails if the name exists — so a run id already stored is
 * ignored (returns false) even when two jobs add it at once, and a killed add leaves only a
 * temp file that readStore skips. Returns true when the run was added.
 */
export async function appendRun(dir: string, record: HistoryRecord): Promise<boolean> {
  checkRunId(record.runId);
  if (isFileStore(dir)) return appendRunToFile(dir, record);
  const path = join(dir, `${record.runId}.json`);
  const temp = join(dir, `.${record.runId}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, `${JSON.stringify(record)}\n`, { flush: true });
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new WriteFailedError(path, error);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * Every run in the store (a directory, or a `.jsonl` file), oldest first (by date, then run
 * id). Leftover temp files and files that are not whole history records (a torn copy) are
 * skipped with a warning naming them. A missing directory is an empty store.
 */
export async function readStore(dir: string): Promise<StoreContents> {
  if (isFileStore(dir)) return readFileStore(dir);
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], warnings: [] };
    throw error;
  }
  const records: HistoryRecord[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    if (name.endsWith('.tmp')) {
      warnings.push(`skipped ${name}: an unfinished add (temp file); delete it`);
      continue;
    }
    if (!name.endsWith('.json')) continue;
    let value: unknown;
    try {
      value = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      warnings.push(`skipped ${name}: not whole JSON (${(error as Error).message})`);
      continue;
    }
    if (isHistoryRecord(value) && `${value.runId}.json` === name) records.push(value);
    else warnings.push(`skipped ${name}: not a ${HISTORY_SCHEMA} record named by its run id`);
  }
  return { records: sortRecords(records), warnings };
}
