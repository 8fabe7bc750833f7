import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reportCommand } from '../../src/cli/report.js';
import { reportOf, steadyRun, testRecord } from '../reporters/html/report-fixtures.js';
import { capture } from '../helpers/capture-io.js';

async function jsonFile(content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vs-report-cmd-'));
  const path = join(dir, 'perf-results.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('vitest-stress report', () => {
  test('writes perf-report.html beside the JSON by default, or where -o says', async () => {
    const input = await jsonFile(reportOf([testRecord('checkout <fast>', [steadyRun(5)])]));
    const c = capture();
    expect(await reportCommand([input], c.io)).toBe(0);
    const html = await readFile(join(input, '../perf-report.html'), 'utf8');
    expect(html).toContain('checkout &lt;fast&gt;');
    expect(c.out()).toMatch(/1 tests → .*perf-report\.html \(\d+ KiB\)/);

    const other = join(input, '../elsewhere/page.html');
    expect(
      await reportCommand([input, '-o', other, '--title', 'Nightly <run>'], capture().io),
    ).toBe(0);
    expect(await readFile(other, 'utf8')).toContain('<title>Nightly &lt;run&gt;</title>');
  });

  test.each([
    ['not JSON', '{"schema": ', /is not a vitest-stress perf-results\.json report: not JSON/],
    [
      'another schema',
      { schema: 'k6/summary', tests: [] },
      /"schema" must be "vitest-stress\/perf-results", got "k6\/summary"/,
    ],
    [
      'no tests array',
      { schema: 'vitest-stress/perf-results', tests: {} },
      /"tests" must be an array/,
    ],
    [
      'a test without a name',
      { schema: 'vitest-stress/perf-results', tests: [{}] },
      /"tests\[0\]" must be an object with a "name" string/,
    ],
  ])('%s: exit 1 with ERR_STRESS_INVALID_REPORT and no page', async (_name, content, message) => {
    const input = await jsonFile(content);
    const c = capture();
    expect(await reportCommand([input], c.io)).toBe(1);
    expect(c.err()).toMatch(message);
    expect(c.err()).toContain('[ERR_STRESS_INVALID_REPORT]');
    await expect(stat(join(input, '../perf-report.html'))).rejects.toThrow(/ENOENT/);
  });

  test('a missing file: exit 1 naming it', async () => {
    const c = capture();
    expect(await reportCommand(['/nonexistent/perf-results.json'], c.io)).toBe(1);
    expect(c.err()).toContain(
      '/nonexistent/perf-results.json is not a vitest-stress perf-results.json report: cannot read it (ENOENT)',
    );
  });

  test('bad flags: exit 2 with the usage', async () => {
    const none = capture();
    expect(await reportCommand([], none.io)).toBe(2);
    expect(none.err()).toContain('expected one perf-results.json, got 0 file arguments');
    const unknown = capture();
    expect(await reportCommand(['x.json', '--out', 'y'], unknown.io)).toBe(2);
    expect(unknown.err()).toMatch(/Unknown option '--out'[\s\S]*usage: vitest-stress report/);
    const help = capture();
    expect(await reportCommand(['--help'], help.io)).toBe(0);
    expect(help.out()).toContain('usage: vitest-stress report <perf-results.json> [-o <file>]');
  });
});
