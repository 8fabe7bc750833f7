import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { appendRun, readStore } from '../../src/history/history-store.js';
import { recordOf } from './history-fixtures.js';

const folderStore = () => mkdtemp(join(tmpdir(), 'vs-history-'));
const fileStore = async () => join(await mkdtemp(join(tmpdir(), 'vs-history-file-')), 'runs.jsonl');

/** The two kinds of store appendRun/readStore take: what makes one, and its layout after two runs. */
const STORE_KINDS = [
  {
    kind: 'a folder',
    make: folderStore,
    expectTwoRuns: async (dir: string) =>
      expect((await readdir(dir)).sort()).toEqual(['run-001.json', 'run-002.json']),
  },
  {
    kind: 'a .jsonl file',
    make: fileStore,
    // two lines and the last newline
    expectTwoRuns: async (file: string) =>
      expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(3),
  },
];

describe.each(STORE_KINDS)('history store as $kind', ({ make, expectTwoRuns }) => {
  test('one entry per run, read back oldest first; a duplicate run id is ignored', async () => {
    const store = await make();
    expect(await appendRun(store, recordOf(2, 120))).toBe(true);
    expect(await appendRun(store, recordOf(1, 110))).toBe(true);
    expect(await appendRun(store, recordOf(1, 999))).toBe(false);
    const { records, warnings } = await readStore(store);
    expect(records.map((r) => [r.runId, r.points[0].p95])).toEqual([
      ['run-001', 110],
      ['run-002', 120],
    ]);
    expect(warnings).toEqual([]);
    await expectTwoRuns(store);
  });

  test('two child processes appending at once: every run lands once', async () => {
    const store = await make();
    const script = `import { appendRun } from './src/history/history-store.ts';
import { recordOf } from './test/history/history-fixtures.ts';
const i = Number(process.argv[2]);
for (let k = 0; k < 10; k++) await appendRun(process.argv[1], recordOf(i * 100 + k, 100 + k));
await appendRun(process.argv[1], recordOf(999, 1));`;
    const run = (i: number) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, store, String(i)],
        { cwd: process.cwd(), timeout: 60_000 },
      );
    await Promise.all([run(1), run(2)]);
    // A line mixed from two appends would be a warning and a lost run.
    const { records, warnings } = await readStore(store);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(21);
    expect(records.filter((r) => r.runId === 'run-999')).toHaveLength(1);
  });
});

describe('history store as a folder', () => {
  test('a torn write (partial record, leftover temp file) is skipped with a warning, the rest reads', async () => {
    const dir = await folderStore();
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
});
