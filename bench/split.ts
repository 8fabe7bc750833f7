/**
 * Split overhead (issue 14): `npx tsx bench/split.ts [--users=48] [--seconds=10] [--rounds=2] [--delay-ms=0]`.
 * Against one trivial server in a child process (answering after --delay-ms, default at once), each
 * round runs, one after the other:
 * - one process: load() with N users;
 * - three processes: STRESS_SPLIT=i/3 (N/3 users each) with a common STRESS_START_AT, their
 *   results merged by the merge's own mergeRun (throughput over the common window).
 * Every generator is its own `node --import tsx` process, so both arms pay the same start-up.
 * Prints a Markdown table; docs/performance.md quotes it. Target: split ≥ 0.9 × one process.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { mergeRun } from '../src/merge/merge-run.js';
import type { RunMeta } from '../src/contracts/meta.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const USERS = arg('users', 48);
const SECONDS = arg('seconds', 10);
const ROUNDS = arg('rounds', 2);
const DELAY_MS = arg('delay-ms', 0);
const SPLITS = 3;
const START_LEAD_MS = 12_000;
const WORKER = new URL('./split-worker.ts', import.meta.url).pathname;
const SERVER = new URL('./servers/trivial.mjs', import.meta.url).pathname;

/** Start the trivial server in a child process; resolves with its URL and a stop function. */
function startServer(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [SERVER, String(DELAY_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') });
    });
  });
}

/** Run one generator process; resolves with its run meta. */
function generator(env: Record<string, string>): Promise<RunMeta> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as RunMeta)
        : reject(new Error(`generator exited with ${code}`)),
    );
  });
}

const server = await startServer();
const base = { BENCH_TARGET: server.url, BENCH_DURATION_MS: String(SECONDS * 1000) };
const rows: Array<{ round: number; oneRps: number; splitRps: number; late: number[] }> = [];
console.error(
  `server delay ${DELAY_MS} ms; load average at start: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const one = await generator({ ...base, BENCH_USERS: String(USERS) });
    const startAt = String(Date.now() + START_LEAD_MS);
    const parts = await Promise.all(
      Array.from({ length: SPLITS }, (_, i) =>
        generator({
          ...base,
          BENCH_USERS: String(USERS),
          STRESS_SPLIT: `${i + 1}/${SPLITS}`,
          STRESS_START_AT: startAt,
        }),
      ),
    );
    const merged = mergeRun(parts.map((run, i) => ({ split: i + 1, run })));
    rows.push({
      round,
      oneRps: one.throughput,
      splitRps: merged.throughput,
      late: parts.map((p) => p.split?.lateStartMs ?? 0),
    });
    console.error(
      `round ${round}: one ${one.throughput} req/s, ${SPLITS} splits ${merged.throughput} req/s`,
    );
  }
} finally {
  server.stop();
}
console.error(
  `load average at end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(
  `| round | one process, ${USERS} users (req/s) | ${SPLITS} splits × ${USERS / SPLITS} ` +
    'users, merged (req/s) | ratio | split late starts (ms) |',
);
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.round} | ${r.oneRps} | ${r.splitRps} | ${(r.splitRps / r.oneRps).toFixed(3)} | ${r.late.join(', ')} |`,
  );
console.log(
  `\nmedian ratio: ${median(rows.map((r) => r.splitRps / r.oneRps)).toFixed(3)} (target ≥ 0.9)`,
);
