import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { downUrl } from '../helpers/servers.js';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

describe('a suite pointed at a target that is down', () => {
  test('fails quickly with a clear message instead of hanging', async () => {
    const target = await downUrl();
    const started = performance.now();
    const result = await exec(
      process.execPath,
      [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', 'suites/baseline.perf.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          STRESS_TARGET: target,
          STRESS_PROFILE: 'smoke',
          NO_COLOR: '1',
          CI: 'true',
        },
        timeout: 120_000,
      },
    ).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout + e.stderr,
      }),
    );
    const elapsedMs = performance.now() - started;
    expect(result.code).not.toBe(0);
    expect(result.out).toContain(
      `STRESS_TARGET ${target} is not reachable (ECONNREFUSED on GET ${target}/health within 3000 ms)`,
    );
    // Quick: the preflight answers at once; nothing waits for a 5-minute run or a 30 s timeout.
    expect(elapsedMs).toBeLessThan(60_000);
  }, 150_000);
});
