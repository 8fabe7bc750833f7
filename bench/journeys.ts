/**
 * Journeys vs single requests (issue 20): `npx tsx bench/journeys.ts [--quick]`.
 * Against the trivial server (bench/servers/trivial.mjs) in a child process, same users and
 * duration, rounds alternating: (A) load() with one GET scenario on the undici closed loop,
 * (B) load({ journeys }) with a two-step journey (GET, capture the status, GET with the captured
 * value in the path). The per-request cost of a step is judged by requests per second: B's step
 * requests/s must be at least 85% of A's (a step within 15% of a plain request). Prints Markdown;
 * `--strict` exits 1 when the bound is not met. `--rate N` runs both arms in the open model at N
 * requests/s instead and compares this process's CPU per request (not judged). `--delay MS`: the
 * server answers after MS ms, so both closed arms run at about users / delay requests/s and every
 * send follows an answer in both: CPU per request compared at the same rate and the same pattern
 * (in `--rate` mode a plain send follows a timer, a journey's second step an answer).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { load } from '../src/load.js';

const QUICK = process.argv.includes('--quick');
// Exit 1 when the bound is not met. Off by default: on the shared 2-core machine one run's rounds
// swing by 2× (docs/performance.md), too much for `npm run bench` to fail on.
const STRICT = process.argv.includes('--strict');
// Odd, so the median is one round's ratio.
const ROUNDS = QUICK ? 3 : 5;
const ROUND_MS = QUICK ? 2000 : 5000;
const USERS = 50;
// `--rate N`: both arms in the open model at N requests/s (journeys at N/2 per second, two steps
// each), so both do the same work per second and the CPU per request compares like for like.
const rateAt = process.argv.indexOf('--rate');
const RATE = rateAt > 0 ? Number(process.argv[rateAt + 1]) : undefined;
if (RATE !== undefined && !(RATE > 0)) throw new Error('--rate needs a number of requests/s');
const delayAt = process.argv.indexOf('--delay');
const DELAY_MS = delayAt > 0 ? Number(process.argv[delayAt + 1]) : 0;
if (!(DELAY_MS >= 0)) throw new Error('--delay needs a number of ms');
const MIN_RATIO = 0.85;

function startServer(): Promise<{ url: string; stop(): void }> {
  const script = new URL('./servers/trivial.mjs', import.meta.url).pathname;
  const child = spawn(process.execPath, [script, String(DELAY_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('exit', stop);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('trivial.mjs did not start in 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`trivial.mjs exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, stop });
    });
  });
}

interface Figures {
  rps: number;
  /** Generator CPU (user + system) per request, µs: less sensitive to a busy machine than req/s. */
  cpuUsPerRequest: number;
  ok: number;
  failed: number;
  p50Ms: number | null;
}

type Run = Awaited<ReturnType<typeof load>>;

/** Run `arm` and measure this process's CPU time over it. */
async function measured(arm: () => Promise<Run>): Promise<Figures> {
  const cpu = process.cpuUsage();
  const run = await arm();
  const used = process.cpuUsage(cpu);
  const r = run.requests;
  return {
    rps: run.throughput,
    cpuUsPerRequest: (used.user + used.system) / Math.max(1, r.total),
    ok: r.ok,
    failed: r.failed,
    p50Ms: run.latency.p50,
  };
}

function plain(url: string): Promise<Figures> {
  return measured(() =>
    load({
      target: url,
      ...(RATE ? { rate: RATE } : { engine: 'undici' as const, users: USERS }),
      duration: ROUND_MS,
      progress: false,
      ledger: false,
      scenarios: [{ name: 'get', path: '/one' }],
    }),
  );
}

function journeys(url: string): Promise<Figures> {
  return measured(() =>
    load({
      target: url,
      ...(RATE ? { rate: RATE / 2 } : { users: USERS }),
      duration: ROUND_MS,
      progress: false,
      ledger: false,
      journeys: [
        {
          name: 'two-step',
          steps: [
            { name: 'first', path: '/one', capture: { code: { status: true } } },
            { name: 'second', path: ({ vars }) => `/two/${String(vars.code)}` },
          ],
        },
      ],
    }),
  );
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const server = await startServer();
const rows: string[] = [];
const ratios: number[] = [];
const cpuRatios: number[] = [];
try {
  // Warm-up, not counted: JIT and sockets, for both arms (warming only the plain arm left the
  // journey code cold in round 1, which then ran slower for that alone).
  await plain(server.url);
  await journeys(server.url);
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate which arm goes first, so a machine that slows down does not favour one.
    const order = round % 2 === 1 ? [plain, journeys] : [journeys, plain];
    const figures = new Map<string, Figures>();
    for (const arm of order) figures.set(arm.name, await arm(server.url));
    const a = figures.get('plain')!;
    const b = figures.get('journeys')!;
    ratios.push(b.rps / a.rps);
    cpuRatios.push(b.cpuUsPerRequest / a.cpuUsPerRequest);
    for (const [name, f] of [
      ['plain', a],
      ['journeys', b],
    ] as const)
      rows.push(
        `| ${round} | ${name} | ${Math.round(f.rps)} | ${f.cpuUsPerRequest.toFixed(1)} | ${f.ok} | ` +
          `${f.failed} | ${f.p50Ms?.toFixed(2)} |`,
      );
  }
} finally {
  server.stop();
}
const ratio = median(ratios);
console.log(`## Journeys vs single requests (${new Date().toISOString()})\n`);
console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, ` +
    (RATE ? `open model at ${RATE} requests/s,` : `${USERS} users,`) +
    (DELAY_MS > 0 ? ` server delay ${DELAY_MS} ms,` : ''),
);
console.log(
  `${ROUNDS} rounds of ${ROUND_MS / 1000} s per arm; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}\n`,
);
console.log('| round | arm | req/s | CPU µs/req | ok | failed | p50 ms |');
console.log('| ----- | --- | ----- | ---------- | -- | ------ | ------ |');
for (const row of rows) console.log(row);
console.log(
  `\nstep requests/s ÷ plain requests/s: median ${ratio.toFixed(3)} (rounds: ` +
    `${ratios.map((r) => r.toFixed(3)).join(', ')}); bound ≥ ${MIN_RATIO}`,
);
console.log(
  `generator CPU per step ÷ per plain request: median ${median(cpuRatios).toFixed(3)} (rounds: ` +
    `${cpuRatios.map((r) => r.toFixed(3)).join(', ')}); informative, not the bound`,
);
if (RATE || DELAY_MS > 0) {
  console.log('(req/s is set by the rate or the delay: the CPU ratio is the measure, not judged)');
} else if (ratio < MIN_RATIO) {
  console.log(
    `BOUND NOT MET: a journey step costs more than ${Math.round((1 - MIN_RATIO) * 100)}% over a request`,
  );
  if (STRICT) process.exitCode = 1;
}
