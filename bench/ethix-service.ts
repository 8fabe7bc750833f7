/**
 * Bench of the reference service: `npx tsx bench/ethix-service.ts [--quick]`.
 * Starts the service in a child process (so the client does not share its event loop), then
 * measures /api/analyze latency by payload size, /api/explain p95, and behaviour under overload
 * (100 closed-loop users) and at the seed's baseline (10 users thinking 1–5 s). Prints a
 * markdown block for docs/performance.md (between <!-- ethix:start --> and <!-- ethix:end -->).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { quantile } from 'simple-statistics';
import { generateCreditRecords } from '../src/data/index.js';

const quick = process.argv.includes('--quick');
const root = fileURLToPath(new URL('../', import.meta.url));
/** The seed's estimated analyze latency per payload size, in ms. */
const SEED_ESTIMATE_MS: Record<number, number> = {
  100: 1500,
  500: 5000,
  1000: 10_000,
  5000: 40_000,
};

async function startService(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'fixtures/ethix-service/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env },
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    url: line.toString().trim(),
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function timed(
  url: string,
  init?: RequestInit,
): Promise<{ ms: number; status: number; retryAfter: string | null }> {
  const start = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return {
    ms: performance.now() - start,
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
  };
}

const postJson = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body,
});
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const p = (xs: number[], q: number) => (xs.length ? quantile(xs, q) : Number.NaN);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function analyzeBySize(url: string) {
  const rows: string[] = [];
  for (const size of [100, 500, 1000, 5000]) {
    const body = JSON.stringify({ records: generateCreditRecords(size, { seed: 42 }) });
    const reps = quick ? 3 : size >= 5000 ? 8 : 15;
    await timed(`${url}/api/analyze`, postJson(body)); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < reps; i++) {
      const r = await timed(`${url}/api/analyze`, postJson(body));
      if (r.status !== 200) throw new Error(`analyze ${size}: status ${r.status}`);
      samples.push(r.ms);
    }
    const median = p(samples, 0.5);
    rows.push(
      `| ${size} | ${reps} | ${fmt(Math.min(...samples))} | ${fmt(median)} | ` +
        `${fmt(p(samples, 0.95))} | ${fmt(Math.max(...samples))} | ` +
        `${SEED_ESTIMATE_MS[size] / 1000} s | ${(SEED_ESTIMATE_MS[size] / median).toFixed(0)}× |`,
    );
  }
  return rows;
}

async function explainP95(url: string) {
  const records = generateCreditRecords(200, { seed: 7 });
  const samples: number[] = [];
  for (const record of records)
    samples.push((await timed(`${url}/api/explain`, postJson(JSON.stringify({ record })))).ms);
  return { n: samples.length, p50: p(samples, 0.5), p95: p(samples, 0.95) };
}

/** Closed-loop users with think time; the seed's mix: analyze 60% (100 records), explain 30%, queries 10%. */
async function users(url: string, count: number, durationMs: number, thinkMs: [number, number]) {
  const payload = JSON.stringify({ records: generateCreditRecords(100, { seed: 11 }) });
  const record = JSON.stringify({ record: generateCreditRecords(1, { seed: 12 })[0] });
  const ok: number[] = [];
  const refused: number[] = [];
  const other = new Map<number, number>();
  let badRetryAfter = 0;
  const end = performance.now() + durationMs;
  let seq = 0;
  await Promise.all(
    Array.from({ length: count }, async () => {
      while (performance.now() < end) {
        const pick = seq++ % 10;
        const r =
          pick < 6
            ? await timed(`${url}/api/analyze`, postJson(payload))
            : pick < 9
              ? await timed(`${url}/api/explain`, postJson(record))
              : await timed(`${url}/api/reports/rpt_missing`);
        if (r.status === 200 || r.status === 404) ok.push(r.ms);
        else if (r.status === 503) {
          refused.push(r.ms);
          if (!(Number(r.retryAfter) >= 1)) badRetryAfter++;
        } else other.set(r.status, (other.get(r.status) ?? 0) + 1);
        if (thinkMs[1] > 0) await sleep(thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0]));
      }
    }),
  );
  const total = ok.length + refused.length + [...other.values()].reduce((a, b) => a + b, 0);
  return { total, ok, refused, other, badRetryAfter, rps: total / (durationMs / 1000) };
}

const service = await startService();
try {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const loadBefore = loadavg()[0];
  const sizes = await analyzeBySize(service.url);
  const explain = await explainP95(service.url);
  const overload = await users(service.url, 100, quick ? 5000 : 15_000, [0, 0]);
  const baseline = await users(service.url, 10, quick ? 10_000 : 30_000, [1000, 5000]);
  const out = [
    `Measured ${date} UTC with \`npx tsx bench/ethix-service.ts${quick ? ' --quick' : ''}\` ` +
      `on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'cpu'}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB), Node ${process.version}; default options (2 ` +
      'workers, queueLimit 16, 60 trees of depth 5, exact TreeSHAP). The service ran in a ' +
      'child process; the client shares the machine. 1-minute load average ' +
      `${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (other ` +
      'work on the machine inflates every figure).',
    '',
    '**`POST /api/analyze` latency by payload size** (sequential requests, ms; min ≈ the ' +
      'cost on an idle machine; the seed estimated 1.5 s / 5 s / 10 s / 40 s; target: 5000 ' +
      'records < 2 s)',
    '',
    '| records | requests | min | median | p95 | max | seed estimate | seed / median |',
    '|---|---|---|---|---|---|---|---|',
    ...sizes,
    '',
    `**\`POST /api/explain\`**: p50 ${fmt(explain.p50)} ms, p95 ${fmt(explain.p95)} ms over ` +
      `${explain.n} sequential requests.`,
    '',
    "**Under load** (the seed's mix: analyze 60 % with 100 records, explain 30 %, queries 10 %):",
    '',
    '| users | think time | requests/s | answered | p95 answered (ms) | 503 + Retry-After | ' +
      'p95 of a 503 (ms) | other statuses |',
    '|---|---|---|---|---|---|---|---|',
    ...[
      ['100', 'none', overload],
      ['10', '1–5 s', baseline],
    ].map(([u, t, r]) => {
      const res = r as Awaited<ReturnType<typeof users>>;
      const others = [...res.other].map(([s, n]) => `${s}: ${n}`).join(', ') || 'none';
      return (
        `| ${u} | ${t} | ${res.rps.toFixed(0)} | ${res.ok.length} | ${fmt(p(res.ok, 0.95))} | ` +
        `${res.refused.length}` +
        `${res.badRetryAfter ? ` (${res.badRetryAfter} without Retry-After)` : ''} | ` +
        `${res.refused.length ? fmt(p(res.refused, 0.95)) : '–'} | ${others} |`
      );
    }),
  ];
  console.log(out.join('\n'));
} finally {
  await service.stop();
}
