import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import StressReporter from '../../../src/reporters/index.js';

async function filesWritten(
  options: ConstructorParameters<typeof StressReporter>[0],
): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'vs-reporter-html-'));
  await new StressReporter({ ...options, outputDir: dir, summary: false }).onTestRunEnd([]);
  return (await readdir(dir)).sort();
}

describe('the reporter option html', () => {
  test('writes perf-report.html beside the JSON by default, and not with html: false', async () => {
    expect(await filesWritten({})).toEqual(['junit.xml', 'perf-report.html', 'perf-results.json']);
    expect(await filesWritten({ html: false })).toEqual(['junit.xml', 'perf-results.json']);
  });

  test('anything but a boolean is refused with a coded error', () => {
    expect(() => new StressReporter({ html: 'no' as unknown as boolean })).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_INVALID_OPTION',
        message: 'invalid option "html": got "no", expected true or false',
      }),
    );
  });
});
