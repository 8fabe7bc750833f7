import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Run a command; `env` entries set to undefined are removed (CI must be unset for a first local run). */
async function sh(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
) {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return exec(cmd, args, {
    cwd,
    env: merged as NodeJS.ProcessEnv,
    maxBuffer: 32 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      out: e.stdout + e.stderr,
    }),
  );
}

// A consumer project with the packed package: write a baseline, pass, catch a 30% slowdown,
// say "inconclusive" for a 20-sample run, and refuse to write a missing baseline in CI.
describe('perf baselines in a separate project', () => {
  test('write, pass unchanged, fail 30% slower with figures, inconclusive at 20 samples, missing in CI', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vs-consumer-baseline-'));
    const pack = await sh(npm, ['pack', '--pack-destination', dir], root);
    expect(pack.code, pack.out).toBe(0);
    const tarball = pack.stdout
      .trim()
      .split('\n')
      .filter((l) => l.endsWith('.tgz'))
      .pop()!;
    await cp(join(root, 'test/package/consumer-baseline-template'), dir, { recursive: true });
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    const vitestVersion = JSON.parse(
      await readFile(join(root, 'node_modules/vitest/package.json'), 'utf8'),
    ).version;
    const install = await sh(
      npm,
      [
        'install',
        join(dir, tarball),
        `vitest@${vitestVersion}`,
        'typescript@5.9',
        '@types/node@20',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
      ],
      dir,
    );
    expect(install.code, install.out).toBe(0);
    const tsc = await sh(
      process.execPath,
      [join(dir, 'node_modules/typescript/bin/tsc'), '-p', '.'],
      dir,
    );
    expect(tsc.code, tsc.out).toBe(0);
    const vitest = (env: Record<string, string | undefined>) =>
      sh(process.execPath, [join(dir, 'node_modules/vitest/vitest.mjs'), 'run'], dir, env);
    const baselineFile = join(dir, '__perf__/api.perf.ts.json');

    const first = await vitest({ CI: undefined });
    expect(first.code, first.out).toBe(0);
    // A consumer's first run: no "Sourcemap for …/register.js points to missing source files".
    expect(first.out).not.toMatch(/Sourcemap for .* points to missing source files/);
    expect(first.out).toContain(
      'toMatchPerfBaseline: baseline written to __perf__/api.perf.ts.json for "api keeps its p95" / api',
    );
    expect(JSON.parse(await readFile(baselineFile, 'utf8')).entries).toHaveLength(1);

    const unchanged = await vitest({ CI: 'true' });
    expect(unchanged.code, unchanged.out).toBe(0);
    // Compared (a p95 line with the baseline's figure), and not a regression: on a busy machine
    // the bounds of an unchanged run may straddle the tolerance (inconclusive), which passes.
    expect(unchanged.out).toMatch(/p95: \w+ — baseline \d{3}(\.\d)? ms/);
    expect(unchanged.out).not.toContain('p95: regression');

    const slower = await vitest({ CI: 'true', SERVER_DELAY_MS: '260' });
    expect(slower.code, slower.out).toBe(1);
    expect(slower.out).toMatch(
      new RegExp(
        String.raw`p95: regression — baseline \d{3}(\.\d)? ms, now \d{3}(\.\d)? ms, ratio 1\.\d` +
          String.raw`\d \(95% bounds 1\.\d\d \.\. 1\.\d\d, block bootstrap \(\d+ vs \d+ blocks\)` +
          String.raw`\) past the tolerance \+10%`,
      ),
    );

    const few = await vitest({ CI: 'true', SAMPLES: '20' });
    expect(few.code, few.out).toBe(0);
    expect(few.out).toContain('p95: inconclusive — baseline');
    expect(few.out).toContain(
      '(p95 at 95% confidence needs at least 59 successful responses per run; the baseline had',
    );
    expect(few.out).toContain('this run 20)');
    const junit = await readFile(join(dir, 'perf-results/junit.xml'), 'utf8');
    expect(junit).toContain(
      '<property name="sla.toMatchPerfBaseline" value="inconclusive: p95: inconclusive',
    );

    await rm(join(dir, '__perf__'), { recursive: true });
    const missing = await vitest({ CI: 'true' });
    expect(missing.code).toBe(1);
    expect(missing.out).toContain(
      'no perf baseline for "api keeps its p95" / api in __perf__/api.perf.ts.json, and ' +
        'baselines are never written in CI',
    );
  }, 420_000);
});
