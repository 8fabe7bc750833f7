import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { historyCheckCommand, parseCheckFlags } from '../../src/cli/history-check.js';
import { appendRun } from '../../src/history/history-store.js';
import { capture } from '../helpers/capture-io.js';
import { noisySeries, recordOf } from '../history/history-fixtures.js';

/** A store of 30 runs whose p95 steps +20% at run 21. */
async function steppedStore(): Promise<string> {
  const store = await mkdtemp(join(tmpdir(), 'vs-history-check-'));
  const levels = Array.from({ length: 30 }, (_, i) => (i >= 20 ? 120 : 100));
  const values = noisySeries(levels, 0.02, 7);
  for (const [i, p95] of values.entries()) await appendRun(store, recordOf(i, p95));
  return store;
}

describe('history check flags', () => {
  test.each([
    [
      ['--store', 's', '--tolerence', '5%'],
      'ERR_STRESS_UNKNOWN_OPTION',
      'unknown option "--tolerence" in history check (flags: --store, --metric, --tolerance, ' +
        '--quiet-runs, --recent-runs, --html, --help); did you mean "--tolerance"?',
    ],
    [
      ['--store'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--store": got undefined, expected a store: a directory or a .jsonl file',
    ],
    [
      ['--store', 's', '--tolerance', 'ten'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--tolerance": got "ten", expected a positive percentage such as 10%',
    ],
    [
      ['--store', 's', '--tolerance', '0%'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--tolerance": got "0%", expected a positive percentage such as 10%',
    ],
    [
      ['--store', 's', '--quiet-runs', '1.5'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--quiet-runs": got "1.5", expected a whole number >= 1',
    ],
    [
      ['--store', 's', '--recent-runs', '0'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--recent-runs": got "0", expected a whole number >= 1',
    ],
    [
      ['--store', 's', '--metric', 'p95,p90'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--metric": got "p90", expected p50 | p95 | p99 | errorRate | throughput, comma-separated',
    ],
    [
      [],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "--store": got undefined, expected a store: a directory or a .jsonl file (required)',
    ],
    [
      ['--store', 's', 'extra'],
      'ERR_STRESS_INVALID_OPTION',
      'invalid option "argument": got "extra", expected flags only (no file arguments)',
    ],
  ])('%j → %s', async (argv, code, message) => {
    expect(() => parseCheckFlags(argv)).toThrow(expect.objectContaining({ code, message }));
    const { io, err, out } = capture();
    expect(await historyCheckCommand(argv, io)).toBe(2);
    expect(err()).toContain(`vitest-stress history check: ${message} [${code}]\n\nusage:`);
    expect(out()).toBe('');
  });

  test('the defaults and every flag', () => {
    expect(parseCheckFlags(['--store', 's'])).toEqual({
      store: 's',
      metrics: ['p95'],
      options: { tolerance: 0.1, quietRuns: 2, recentRuns: 20 },
    });
    const all = [
      '--store',
      's',
      '--metric',
      'p99,throughput',
      '--tolerance',
      '+5%',
      '--quiet-runs',
      '3',
    ];
    expect(parseCheckFlags([...all, '--recent-runs', '9', '--html', 'x.html'])).toEqual({
      store: 's',
      metrics: ['p99', 'throughput'],
      options: { tolerance: 0.05, quietRuns: 3, recentRuns: 9 },
      html: 'x.html',
    });
  });
});

describe('history check --html', () => {
  test('writes the trend page whole beside the verdict, and exits 1 on the regression', async () => {
    const store = await steppedStore();
    const out = await mkdtemp(join(tmpdir(), 'vs-trend-'));
    const html = join(out, 'trend.html');
    const { io, out: stdout } = capture();
    expect(await historyCheckCommand(['--store', store, '--html', html], io)).toBe(1);
    expect(stdout()).toContain(`trend page → ${html}`);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('data-state="regression"');
    expect(page.match(/<circle class="point/g)).toHaveLength(30);
    expect(page).toContain('<line class="change-point regression" data-index="20"');
    expect(await readdir(out)).toEqual(['trend.html']); // no temp file left
  });

  test('an unwritable --html path exits 1 with the coded error and leaves nothing', async () => {
    const store = await steppedStore();
    const blocker = join(await mkdtemp(join(tmpdir(), 'vs-trend-')), 'file');
    await appendRun(blocker, recordOf(99, 100)); // `file` is a directory now: writing into file/x/… fails
    const { io, err } = capture();
    const target = join(blocker, 'run-099.json', 'trend.html');
    expect(await historyCheckCommand(['--store', store, '--html', target], io)).toBe(1);
    expect(err()).toMatch(/\[ERR_STRESS_WRITE_FAILED\]/);
  });
});
