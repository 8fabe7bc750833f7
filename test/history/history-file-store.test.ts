import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isFileStore } from '../../src/history/history-file-store.js';
import { appendRun, readStore } from '../../src/history/history-store.js';
import { recordOf } from './history-fixtures.js';

// What both kinds of store share is tested once over both in history-store.test.ts.
const storeFile = async () => join(await mkdtemp(join(tmpdir(), 'vs-history-file-')), 'runs.jsonl');

describe('history store as a .jsonl file', () => {
  test('a torn append is one skipped line; the next append starts a line of its own', async () => {
    const file = await storeFile();
    await appendRun(file, recordOf(1, 110));
    const whole = JSON.stringify(recordOf(2, 120));
    await appendFile(file, whole.slice(0, whole.length / 2)); // killed mid-write: no newline
    expect(await appendRun(file, recordOf(3, 130))).toBe(true);
    const { records, warnings } = await readStore(file);
    expect(records.map((r) => r.runId)).toEqual(['run-001', 'run-003']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^skipped line 2: not whole JSON, a torn append\?/);
  });

  test('a missing file is an empty store; a .json path is refused naming --store', async () => {
    expect(await readStore(await storeFile())).toEqual({ records: [], warnings: [] });
    expect(isFileStore('h/runs.ndjson')).toBe(true);
    expect(isFileStore('perf-history')).toBe(false);
    expect(() => isFileStore('h/runs.json')).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: '--store' }),
    );
  });
});
