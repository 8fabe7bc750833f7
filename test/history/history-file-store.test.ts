import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { isFileStore } from '../../src/history/history-file-store.js';
import { appendRun, readStore } from '../../src/history/history-store.js';
import { recordOf } from './history-fixtures.js';

const storeFile = async () => join(await mkdtemp(join(tmpdir(), 'vs-history-file-')), 'runs.jsonl');

describe('history store as a .jsonl file', () => {
  test('one line per run, read back oldest first; a duplicate run id is ignored', async () => {
    const file = await storeFile();
    expect(await appendRun(file, recordOf(2, 120))).toBe(true);
    expect(await appendRun(file, recordOf(1, 110))).toBe(true);
    expect(await appendRun(file, recordOf(1, 999))).toBe(false);
    const { records, warnings } = await readStore(file);
    expect(records.map((r) => [r.runId, r.points[0].p95])).toEqual([
      ['run-001', 110],
      ['run-002', 120],
    ]);
    expect(warnings).toEqual([]);
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(3); // two lines and the last newline
  });

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

  test('two child processes appending at once: every run lands once, no line is mixed', async () => {
    const file = await storeFile();
    const script = `import { appendRun } from './src/history/history-store.ts';
import { recordOf } from './test/history/history-fixtures.ts';
const i = Number(process.argv[2]);
for (let k = 0; k < 10; k++) await appendRun(process.argv[1], recordOf(i * 100 + k, 100 + k));
await appendRun(process.argv[1], recordOf(999, 1));`;
    const run = (i: number) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, file, String(i)],
        { cwd: process.cwd(), timeout: 60_000 },
      );
    await Promise.all([run(1), run(2)]);
    const { records, warnings } = await readStore(file);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(21);
    expect(records.filter((r) => r.runId === 'run-999')).toHaveLength(1);
  });
});
