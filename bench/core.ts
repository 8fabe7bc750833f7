/**
 * Core benchmarks (issue 2, item 9): `npx tsx bench/core.ts [--quick] [--baseline=<dir>]
 * [throughput] [accuracy] [heap]`.
 * With no section named, all three run (≈ 4 min; --quick ≈ 1 min, for trying the script).
 * `--rounds=<n>`: throughput rounds (default 4). `--lean`: throughput runs only load(),
 * autocannon, the prebuilt-id autocannon and the baseline load() arms (quicker before/after runs).
 * `--baseline=<dir>`: another checkout of this repository (e.g. an older commit, with
 * node_modules); its load() runs as extra throughput arms in the same rounds, for before/after.
 *
 * - throughput: load() vs raw autocannon (and wrk when installed) on a trivial server in a
 *   child process, same connections and duration, rounds alternating A B C (D);
 * - accuracy: p50/p95/p99 of load() (and autocannon, wrk) against a server with seeded, known
 *   delays that measures its own service time: the truth is the server's figures for the same run;
 * - heap: heap growth over a long full-rate run, with and without the per-request ledger.
 *
 * Prints a Markdown report; the figures in docs/performance.md come from it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import { load } from '../src/load.js';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SECTIONS = ['throughput', 'accuracy', 'heap'].filter((s) => args.includes(s));
const RUN = SECTIONS.length > 0 ? SECTIONS : ['throughput', 'accuracy', 'heap'];
const BASELINE = args.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length);
const baselineLoad: typeof load | undefined = BASELINE
  ? (
      (await import(pathToFileURL(path.resolve(BASELINE, 'src/load.ts')).href)) as {
        load: typeof load;
      }
    ).load
  : undefined;

const CONNECTIONS = 50;
const LEAN = args.includes('--lean');
const ROUNDS = Number(
  args.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? (QUICK ? 2 : 4),
);
const ROUND_S = QUICK ? 2 : 5;
const ACCURACY_S = QUICK ? 5 : 15;
const HEAP_S = QUICK ? 10 : 60;
const SERVERS = new URL('./servers/', import.meta.url);

// gc() without requiring `node --expose-gc`: flags set at run time apply to new contexts.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// ---------------------------------------------------------------- helpers

interface Server {
  url: string;
  stop(): void;
}

/** Start a server script from bench/servers in a child process; resolves once it listens. */
function startServer(script: string): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [new URL(script, SERVERS).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stopped = false;
  const stop = () => {
    if (stopped || child.exitCode !== null || child.pid === undefined) return;
    stopped = true;
    child.kill('SIGTERM');
  };
  children.add(stop);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within 10 s`)),
      10_000,
    );
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, stop });
    });
  });
}
const children = new Set<() => void>();
process.on('exit', () => children.forEach((stop) => stop()));
process.on('SIGINT', () => process.exit(130));

interface AutocannonFigures {
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
}

/**
 * autocannon on its own, as its CLI would run it (`autocannon -c 50 -d <s> <url>`); with
 * `withIds`, given the one thing load() must add: a unique x-request-id per request, through
 * autocannon's own `setupRequest` hook.
 */
async function rawAutocannon(
  url: string,
  seconds: number,
  ids: 'none' | 'setupRequest' | 'prebuilt' = 'none',
): Promise<AutocannonFigures> {
  let seq = 0;
  const options: autocannon.Options = {
    url,
    connections: CONNECTIONS,
    duration: seconds,
    pipelining: 1,
  };
  if (ids === 'setupRequest') {
    options.requests = [
      {
        setupRequest: ((req: Record<string, unknown>) => ({
          ...req,
          headers: { 'x-request-id': `ac-${++seq}` },
        })) as never,
      },
    ];
  } else if (ids === 'prebuilt') {
    // The cheap fix for the driver, tried on autocannon alone: build each request's bytes from
    // a fixed prefix + id + suffix instead of autocannon's generic per-request builder.
    const prefix = Buffer.from(
      `GET / HTTP/1.1\r\nHost: ${new URL(url).host}\r\nConnection: keep-alive\r\nx-request-id: ac-`,
    );
    const suffix = Buffer.from('\r\n\r\n');
    options.requests = [{ setupRequest: ((req: unknown) => req) as never }]; // makes autocannon rebuild per request
    (options as { setupClient?: unknown }).setupClient = (client: {
      requestIterator: { requestBuilder: unknown; rebuildRequest(): void };
    }) => {
      client.requestIterator.requestBuilder = () =>
        Buffer.concat([prefix, Buffer.from(String(++seq)), suffix]);
      client.requestIterator.rebuildRequest();
    };
  }
  const result = await autocannon(options);
  const completed = result.requests.total;
  return {
    rps: completed / (result.duration || seconds),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const WRK = spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout?.includes('wrk') ?? false;

interface WrkFigures {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
}

/** `wrk -t1 -c50 -d<s>s --latency <url>` (one thread: the server has the other core). */
async function runWrk(url: string, seconds: number): Promise<WrkFigures> {
  const child = spawn('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', `${url}/`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  const ms = (label: string) => {
    const m = new RegExp(`^\\s+${label}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
    if (!m) return NaN;
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: ms('50'),
    p90: ms('90'),
    p99: ms('99'),
  };
}

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const report: string[] = [];
const say = (line = '') => {
  report.push(line);
  console.error(line);
};

// ---------------------------------------------------------------- throughput

async function throughput(): Promise<void> {
  const loadBefore = loadavg();
  const server = await startServer('trivial.mjs');
  const arms: Record<string, number[]> = LEAN
    ? { 'load()': [], autocannon: [], 'autocannon + prebuilt buffer id': [] }
    : {
        'load()': [],
        autocannon: [],
        'load() ledger: false': [],
        'autocannon + setupRequest id': [],
        'autocannon + prebuilt buffer id': [],
      };
  if (baselineLoad) {
    arms['baseline load()'] = [];
    if (!LEAN) arms['baseline load() ledger: false'] = [];
  }
  if (WRK && !LEAN) arms.wrk = [];
  // One short unrecorded run of each warms the JIT and the server.
  await load({ target: server.url, users: CONNECTIONS, duration: '1s', progress: false });
  await baselineLoad?.({ target: server.url, users: CONNECTIONS, duration: '1s', progress: false });
  await rawAutocannon(server.url, 1);
  for (let round = 1; round <= ROUNDS; round++) {
    const a = await load({
      target: server.url,
      users: CONNECTIONS,
      duration: ROUND_S * 1000,
      progress: false,
    });
    arms['load()'].push(a.throughput);
    arms.autocannon.push((await rawAutocannon(server.url, ROUND_S)).rps);
    if (!LEAN) {
      const c = await load({
        target: server.url,
        users: CONNECTIONS,
        duration: ROUND_S * 1000,
        progress: false,
        ledger: false,
      });
      arms['load() ledger: false'].push(c.throughput);
      arms['autocannon + setupRequest id'].push(
        (await rawAutocannon(server.url, ROUND_S, 'setupRequest')).rps,
      );
    }
    arms['autocannon + prebuilt buffer id'].push(
      (await rawAutocannon(server.url, ROUND_S, 'prebuilt')).rps,
    );
    if (baselineLoad) {
      arms['baseline load()'].push(
        (
          await baselineLoad({
            target: server.url,
            users: CONNECTIONS,
            duration: ROUND_S * 1000,
            progress: false,
          })
        ).throughput,
      );
      if (!LEAN)
        arms['baseline load() ledger: false'].push(
          (
            await baselineLoad({
              target: server.url,
              users: CONNECTIONS,
              duration: ROUND_S * 1000,
              progress: false,
              ledger: false,
            })
          ).throughput,
        );
    }
    if (WRK && !LEAN) arms.wrk.push((await runWrk(server.url, ROUND_S)).rps);
    console.error(
      `round ${round}: ${Object.entries(arms)
        .map(([k, v]) => `${k} ${f(v.at(-1)!, 0)}`)
        .join(' · ')}`,
    );
  }
  server.stop();

  const base = median(arms.autocannon);
  say(`### load() vs autocannon: throughput on a trivial server`);
  say();
  say(
    `${CONNECTIONS} connections, ${ROUNDS} rounds × ${ROUND_S} s, arms alternating in each ` +
      'round; server in a child process. ' +
      `Load average during this section: ${loadBefore} → ${loadavg()}.`,
  );
  say();
  say(`| arm | req/s per round | median req/s | ratio to autocannon |`);
  say(`|---|---|---|---|`);
  for (const [name, values] of Object.entries(arms)) {
    say(
      `| ${name} | ${values.map((v) => f(v, 0)).join(', ')} | ${f(median(values), 0)} | ` +
        `${f(median(values) / base, 3)} |`,
    );
  }
  const perRound = arms['load()'].map((v, i) => v / arms.autocannon[i]);
  say();
  const perRoundIds = LEAN
    ? []
    : arms['load()'].map((v, i) => v / arms['autocannon + setupRequest id'][i]);
  const perRoundBaseline = arms['baseline load()']?.map((v, i) => arms['load()'][i] / v) ?? [];
  say(
    `Per-round ratio load() / autocannon: ${perRound.map((r) => f(r, 3)).join(', ')} (target ≥ 0.95). ` +
      (LEAN
        ? ''
        : `load() / autocannon + setupRequest id: ${perRoundIds.map((r) => f(r, 3)).join(', ')}. `) +
      (perRoundBaseline.length
        ? `load() / baseline load(): ${perRoundBaseline.map((r) => f(r, 3)).join(', ')}.`
        : ''),
  );
  say();
}

// ---------------------------------------------------------------- accuracy

interface Truth {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  nominal: { p50: number; p95: number; p99: number };
}

async function accuracy(): Promise<void> {
  const loadBefore = loadavg();
  const server = await startServer('known-delay.mjs');
  const reset = () => fetch(`${server.url}/__reset`, { method: 'POST' }).then((r) => r.text());
  const stats = () => fetch(`${server.url}/__stats`).then((r) => r.json() as Promise<Truth>);
  const within = (got: number, truth: number) => Math.abs(got - truth) <= Math.max(0.02 * truth, 1);
  const row = (
    tool: string,
    p: 'p50' | 'p95' | 'p99',
    got: number | null | undefined,
    truth: Truth,
  ) => {
    if (got === null || got === undefined || !Number.isFinite(got))
      return say(`| ${tool} | ${p} | ${f(truth[p], 2)} | n/a (not reported) | | |`);
    const err = got - truth[p];
    say(
      `| ${tool} | ${p} | ${f(truth[p], 2)} | ${f(got, 2)} | ` +
        `${err >= 0 ? '+' : ''}${f(err, 2)} ms (${f((err / truth[p]) * 100, 2)}%) | ` +
        `${within(got, truth[p]) ? 'yes' : 'no'} |`,
    );
  };

  await reset();
  const run = await load({
    target: server.url,
    users: CONNECTIONS,
    duration: ACCURACY_S * 1000,
    progress: false,
  });
  const truthLoad = await stats();
  // Per request: our latency minus the server's own time = loopback, parsing and client event loop.
  const serverMs = (await fetch(`${server.url}/__ids`).then((r) => r.json())) as Record<
    string,
    number
  >;
  const offsets = run.ledger.flatMap((e) =>
    e.outcome === 'ok' && e.latencyMs !== undefined && serverMs[e.id] !== undefined
      ? [e.latencyMs - serverMs[e.id]]
      : [],
  );
  offsets.sort((a, b) => a - b);
  const offsetAt = (q: number) =>
    offsets[Math.min(offsets.length - 1, Math.floor(q * offsets.length))];
  // The histogram's own error: reported percentiles vs exact nearest-rank ones over the ledger.
  const own = run.ledger
    .flatMap((e) => (e.outcome === 'ok' && e.latencyMs !== undefined ? [e.latencyMs] : []))
    .sort((a, b) => a - b);
  const exactAt = (p: number) => own[Math.max(1, Math.ceil((p / 100) * own.length)) - 1];
  await reset();
  const ac = await rawAutocannon(server.url, ACCURACY_S);
  const truthAc = await stats();
  let wrk: WrkFigures | undefined;
  let truthWrk: Truth | undefined;
  if (WRK) {
    await reset();
    wrk = await runWrk(server.url, ACCURACY_S);
    truthWrk = await stats();
  }
  server.stop();

  say(`### Percentile accuracy on a server with known delays`);
  say();
  say(`Load average during this section: ${loadBefore} → ${loadavg()}.`);
  say();
  say(
    `Delays: 90% uniform 10–30 ms, 8% 80–120 ms, 2% 250–350 ms (seeded); nominal p50/p95/p99 = ` +
      `${f(truthLoad.nominal.p50, 2)} / ${f(truthLoad.nominal.p95, 2)} / ${f(truthLoad.nominal.p99, 2)} ms. ` +
      `The truth is the server's own measure of the same requests (request parsed → response written), nearest rank. ` +
      `${CONNECTIONS} connections, ${ACCURACY_S} s per tool; load() sent ` +
      `${run.requests.total} requests (server saw ${truthLoad.count}).`,
  );
  say();
  say(`| tool | percentile | server truth (ms) | reported (ms) | error | within max(2%, 1 ms) |`);
  say(`|---|---|---|---|---|---|`);
  for (const p of ['p50', 'p95', 'p99'] as const) row('load()', p, run.latency[p], truthLoad);
  row('autocannon', 'p50', ac.p50, truthAc);
  row('autocannon', 'p95', undefined, truthAc);
  row('autocannon', 'p99', ac.p99, truthAc);
  say(`| autocannon | p97.5 | | ${f(ac.p97_5, 2)} | | |`);
  if (wrk && truthWrk) {
    row('wrk', 'p50', wrk.p50, truthWrk);
    row('wrk', 'p95', undefined, truthWrk);
    row('wrk', 'p99', wrk.p99, truthWrk);
  }
  say();
  say(
    `load()'s HDR percentiles vs exact nearest-rank percentiles of its own ${own.length} ledger latencies: ` +
      (['p50', 'p95', 'p99'] as const)
        .map((p) => `${p} ${f(run.latency[p]!, 3)} vs ${f(exactAt(Number(p.slice(1))), 3)} ms`)
        .join(', ') +
      ` (histogram error, 3 significant digits: ≤ 0.1%).`,
  );
  say();
  say(
    `load() minus the server's time, per request (${offsets.length} joined by x-request-id): ` +
      `p50 ${f(offsetAt(0.5), 3)} ms, p95 ${f(offsetAt(0.95), 3)} ms, p99 ` +
      `${f(offsetAt(0.99), 3)} ms, max ${f(offsets.at(-1) ?? NaN, 3)} ms ` +
      `(loopback, HTTP parsing and the client's event loop: real latency a client sees, not measurement error).`,
  );
  say();
}

// ---------------------------------------------------------------- heap

async function heap(): Promise<void> {
  const server = await startServer('trivial.mjs');
  // The compact ledger keeps its columns in typed arrays, whose memory is outside the JS heap:
  // every reading counts heap used plus ArrayBuffer memory.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  say(`### Heap over a ${HEAP_S} s run at full rate`);
  say();
  say(
    `${CONNECTIONS} connections, ${HEAP_S} s. Memory = V8 heap used + ArrayBuffer memory, ` +
      'each reading after a forced GC: ' +
      'before the run; the highest reading during it (each second, before the result ' +
      'exists); with the result still referenced; ' +
      `and after dropping the result.`,
  );
  say();
  say(
    '| ledger | requests | peak growth during the run | during the run, bytes / request | ' +
      'retained with result | after dropping result | retained bytes / request |',
  );
  say(`|---|---|---|---|---|---|---|`);
  for (const ledger of [false, true]) {
    gc();
    const before = used();
    let peak = before;
    // A forced GC before each reading: the peak is of live memory, not of garbage not yet collected.
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, used());
    }, 1000);
    let run: Awaited<ReturnType<typeof load>> | undefined = await load({
      target: server.url,
      users: CONNECTIONS,
      duration: HEAP_S * 1000,
      progress: false,
      ledger,
    });
    clearInterval(sampler);
    await settle(); // sockets and timers of the finished run close asynchronously
    gc();
    const retained = used() - before;
    const requests = run.requests.total;
    run = undefined;
    await settle();
    gc();
    const after = used() - before;
    say(
      `| ${ledger} | ${requests} | ${mb(peak - before)} | ` +
        `${f((peak - before) / requests, 1)} | ${mb(retained)} | ${mb(after)} | ` +
        `${f(retained / requests, 1)} |`,
    );
  }
  server.stop();
  say();
}

// ---------------------------------------------------------------- main

const started = new Date();
say(`## Core benchmarks — ${started.toISOString().slice(0, 10)}`);
say();
say(
  `Command: \`npx tsx bench/core.ts${args.length ? ` ${args.join(' ')}` : ''}\` · Node ` +
    `${process.version} · ${os.cpus().length} cores · ` +
    `${os.cpus()[0]?.model ?? 'cpu'} · wrk ${WRK ? 'installed' : 'not installed'} · load average at start ${loadavg()}`,
);
say();
try {
  if (RUN.includes('throughput')) await throughput();
  if (RUN.includes('accuracy')) await accuracy();
  if (RUN.includes('heap')) await heap();
} finally {
  children.forEach((stop) => stop());
}
say(
  `Total bench time: ${f((Date.now() - started.getTime()) / 1000, 0)} s; load average at the end ${loadavg()}.`,
);
process.stdout.write(`${report.join('\n')}\n`);
