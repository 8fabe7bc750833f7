import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { historyAddCommand } from '../../src/cli/history-add.js';
import { historyCheckCommand } from '../../src/cli/history-check.js';
import { capture } from '../helpers/capture-io.js';
import { runChildVitest } from '../helpers/child-vitest.js';

const POINTS = 25;
const SLOW_FROM = 15; // 0-based: the last 10 runs are slow
const BASE_MS = 20;
const STEP_MS = 20;

let server: http.Server;
let url: string;
beforeAll(async () => {
  // /delay/<ms>: answers after that many ms, so each child run gets its own delay.
  server = http.createServer((req, res) =>
    setTimeout(() => res.end('ok'), Number(/\/delay\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0)),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test(`${POINTS} runs, the last ${POINTS - SLOW_FROM} +${STEP_MS} ms: check names the first slow run`, async () => {
  const store = await mkdtemp(join(tmpdir(), 'vs-history-e2e-'));
  const project = resolve(import.meta.dirname, 'history-project');
  for (let i = 0; i < POINTS; i++) {
    const delayMs = i < SLOW_FROM ? BASE_MS : BASE_MS + STEP_MS;
    process.env.VS_HISTORY_TARGET = `${url}/delay/${delayMs}`;
    const child = await runChildVitest(project);
    expect(child.code, child.stdout).toBe(0);
    const c = capture();
    const commit = `commit${String(i + 1).padStart(2, '0')}`;
    expect(
      await historyAddCommand(
        [
          join(child.out, 'perf-results.json'),
          '--store',
          store,
          '--commit',
          commit,
          '--run-id',
          `r${i + 1}`,
        ],
        c.io,
        {},
      ),
      c.err(),
    ).toBe(0);
  }
  delete process.env.VS_HISTORY_TARGET;
  const c = capture();
  const code = await historyCheckCommand(
    ['--store', store, '--metric', 'p50,p95', '--tolerance', '20%'],
    c.io,
  );
  expect(c.out()).toContain('REGRESSION checkout / run 1 p50');
  expect(c.out()).toContain(`change point at run ${SLOW_FROM + 1} (commit commit${SLOW_FROM + 1}`);
  expect(code).toBe(1);
}, 300_000);
