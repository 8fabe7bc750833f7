import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { appendRun, readStore } from '../../src/history/history-store.js';
import { recordOf } from './history-fixtures.js';

const store = () => mkdtemp(join(tmpdir(), 'vs-history-'));

describe('history store', () => {
  test('one file per run, read back oldest first; a duplicate run id is ignored', async () => {
    const dir = await store();
    expect(await appendRun(dir, recordOf(2, 120))).toBe(true);
    expect(await appendRun(dir, recordOf(1, 110))).toBe(true);
    expect(await appendRun(dir, recordOf(1, 999))).toBe(false);
    const { records, warnings } = await readStore(dir);
    expect(records.map((r) => [r.runId, r.points[0].p95])).toEqual([
      ['run-001', 110],
      ['run-002', 120],
    ]);
    expect(warnings).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['run-001.json', 'run-002.json']);
  });

  test('a torn write (partial record, leftover temp file) is skipped with a warning, the rest reads', async () => {
    const dir = await store();
    await appendRun(dir, recordOf(1, 110));
    const whole = JSON.stringify(recordOf(2, 120));
    await writeFile(join(dir, 'run-002.json'), whole.slice(0, whole.length / 2));
    await writeFile(join(dir, '.run-003.123.abcd.tmp'), whole.slice(0, 10));
    const { records, warnings } = await readStore(dir);
    expect(records.map((r) => r.runId)).toEqual(['run-001']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^skipped \.run-003\.123\.abcd\.tmp: an unfinished add/);
    expect(warnings[1]).toMatch(/^skipped run-002\.json: not whole JSON/);
    // The next add still lands.
    expect(await appendRun(dir, recordOf(4, 130))).toBe(true);
    expect((await readStore(dir)).records.map((r) => r.runId)).toEqual(['run-001', 'run-004']);
  });

  test('two appends from two child processes at once both land', async () => {
    const dir = await store();
    const script = `import { appendRun } from './src/history/history-store.ts';
import { recordOf } from './test/history/history-fixtures.ts';
const i = Number(process.argv[2]);
for (let k = 0; k < 10; k++) await appendRun(process.argv[1], recordOf(i * 100 + k, 100 + k));
await appendRun(process.argv[1], recordOf(999, 1));`;
    const run = (i: number) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, dir, String(i)],
        { cwd: process.cwd(), timeout: 60_000 },
      );
    await Promise.all([run(1), run(2)]);
    const { records, warnings } = await readStore(dir);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(21);
    expect(records.filter((r) => r.runId === 'run-999')).toHaveLength(1);
  });
});
