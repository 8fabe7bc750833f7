import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function sh(cmd: string, args: string[], cwd: string) {
  return exec(cmd, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
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

// The package as another repository gets it: npm pack, install the tarball, no build step of its own.
describe('the packed package in a separate project', () => {
  test('installs without mongodb or prom-client, type-checks every entry point, fails a breached SLA', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vs-consumer-'));
    const pack = await sh(npm, ['pack', '--pack-destination', dir], root);
    expect(pack.code, pack.out).toBe(0);
    const tarball = pack.stdout
      .trim()
      .split('\n')
      .filter((l) => l.endsWith('.tgz'))
      .pop()!;
    await cp(join(root, 'test/package/consumer-template'), dir, { recursive: true });
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

    // Only dependencies a consumer needs: mongodb is an optional peer, prom-client a dev tool.
    for (const pkg of ['mongodb', 'prom-client'])
      await expect(access(join(dir, 'node_modules', pkg))).rejects.toThrow(/ENOENT/);
    // The root, /chaos and /metrics load without faker; /data needs it (so hiding it is seen).
    const faker = join(dir, 'node_modules/@faker-js/faker');
    await rename(faker, `${faker}.hidden`);
    const importAll = (entries: string[]) =>
      sh(
        process.execPath,
        ['--input-type=module', '-e', entries.map((e) => `await import('${e}');`).join(' ')],
        dir,
      );
    const withoutFaker = await importAll([
      'vitest-stress',
      'vitest-stress/chaos',
      'vitest-stress/metrics',
      'vitest-stress/matchers',
      'vitest-stress/stats',
      'vitest-stress/split',
    ]);
    const dataWithoutFaker = await importAll(['vitest-stress/data']);
    await rename(`${faker}.hidden`, faker);
    expect(withoutFaker.code, withoutFaker.out).toBe(0);
    expect(dataWithoutFaker.out).toMatch(/Cannot find package '@faker-js\/faker'/);

    // tsc accepts the matchers with numbers and rejects a string threshold (the @ts-expect-error is used).
    const tsc = await sh(
      process.execPath,
      [join(dir, 'node_modules/typescript/bin/tsc'), '-p', '.'],
      dir,
    );
    expect(tsc.code, tsc.out).toBe(0);
    await writeFile(
      join(dir, 'wrong-type.check.ts'),
      (await readFile(join(dir, 'wrong-type.check.ts'), 'utf8')).replace(
        '// @ts-expect-error a threshold in ms is a number, not a duration string\n',
        '',
      ),
    );
    const tscBad = await sh(
      process.execPath,
      [join(dir, 'node_modules/typescript/bin/tsc'), '-p', '.'],
      dir,
    );
    expect(tscBad.code).not.toBe(0);
    expect(tscBad.out).toMatch(
      /wrong-type\.check\.ts.*Argument of type 'string' is not assignable to parameter of type 'number'/,
    );

    const vitest = await sh(
      process.execPath,
      [join(dir, 'node_modules/vitest/vitest.mjs'), 'run'],
      dir,
    );
    expect(vitest.code, vitest.out).toBe(1);
    expect(vitest.out).toMatch(/expected p95 below 1 ms, got [\d.]+ ms/);
    // The shipped source maps carry their sources (inlineSources): Vite reads no missing .ts file.
    expect(vitest.out).not.toMatch(/Sourcemap for .* points to missing source files/);
    const junit = await readFile(join(dir, 'perf-results/junit.xml'), 'utf8');
    expect(junit).toMatch(/<failure message="expected p95 below 1 ms, got [\d.]+ ms/);
    expect(junit).toContain(
      '<property name="sla.toHaveP95Below" value="pass: expected p95 below 2000 ms',
    );
    // Concurrent tests: each run lands on the test that made it (the setup file scopes tests).
    const json = JSON.parse(
      await readFile(join(dir, 'perf-results/perf-results.json'), 'utf8'),
    ) as { tests: Array<{ name: string; runs: Array<{ target: string }> }> };
    const paths = (name: string) =>
      json.tests.find((t) => t.name === name)?.runs.map((r) => new URL(r.target).pathname);
    expect([paths('concurrent A'), paths('concurrent B')]).toEqual([['/a'], ['/b']]);
    // The HTML report comes out of the installed package too: uPlot read from the consumer's node_modules, inlined.
    const html = await readFile(join(dir, 'perf-results/perf-report.html'), 'utf8');
    expect(html).toMatch(/<meta name="generator" content="vitest-stress \(uPlot \d+\.\d+\.\d+\)">/);
    expect(html).toContain('expected p95 below 1 ms, got');
    const report = await sh(
      process.execPath,
      [
        join(dir, 'node_modules/vitest-stress/dist/src/cli/main.js'),
        'report',
        'perf-results/perf-results.json',
        '-o',
        'rebuilt.html',
      ],
      dir,
    );
    expect(report.code, report.out).toBe(0);
    expect(await readFile(join(dir, 'rebuilt.html'), 'utf8')).toBe(html);
    // audit.perf.ts: the MongoDB audit source without mongodb fails with the missing peer named.
    expect(junit).toMatch(/<testsuite name="audit\.perf\.ts"[^>]* tests="1" failures="0"/);
  }, 420_000);
});
