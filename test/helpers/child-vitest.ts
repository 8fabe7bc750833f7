import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

/**
 * Run a fixture Vitest project (a folder under test/) as a consumer would, in CI mode, with its
 * reports written to a fresh temp dir (VS_E2E_OUT); resolves with the exit code, stdout and that dir.
 */
export async function runChildVitest(project: string): Promise<{ code: number; stdout: string; out: string }> {
  const out = await mkdtemp(join(tmpdir(), 'vs-e2e-'));
  const result = await run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project], {
    cwd: root,
    env: { ...process.env, VS_E2E_OUT: out, CI: 'true', NO_COLOR: '1' },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { ...result, out };
}
