import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
/** Temp dirs made by runChildVitest and not yet removed by removeChildVitestDirs. */
const made = new Set<string>();

/** What a child Vitest run left: its exit code, stdout, stderr and its report dir (VS_E2E_OUT). */
export interface ChildVitestExit {
  code: number;
  stdout: string;
  stderr: string;
  /** The fresh temp dir given as VS_E2E_OUT; removed by removeChildVitestDirs(). */
  out: string;
}

/**
 * Run a fixture Vitest project (a folder under test/) as a consumer would, in CI mode, with its
 * reports written to a fresh temp dir (VS_E2E_OUT), plus `env`; resolves with the exit code,
 * stdout, stderr and that dir. Call removeChildVitestDirs() in afterAll to remove the dirs.
 */
export async function runChildVitest(
  project: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildVitestExit> {
  const out = await mkdtemp(join(tmpdir(), 'vs-e2e-'));
  made.add(out);
  const result = await run(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project],
    {
      cwd: root,
      env: { ...process.env, VS_E2E_OUT: out, CI: 'true', NO_COLOR: '1', ...env },
      maxBuffer: 32 * 1024 * 1024,
    },
  ).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
  return { ...result, out };
}

/** Remove every temp dir runChildVitest made in this test file (for afterAll). */
export async function removeChildVitestDirs(): Promise<void> {
  const dirs = [...made];
  made.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}
