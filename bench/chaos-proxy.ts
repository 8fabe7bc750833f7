/**
 * Proxy overhead with no faults: throughput and p50 through chaosProxy versus direct, in one
 * run, alternating rounds. The upstream and the proxy each run in a child process so the load
 * generator does not share its event loop with them (2 cores: expect contention anyway).
 * A third path, a bare pass-through hop (undici Pool, no log, no faults, no header rules),
 * shows what any extra HTTP hop costs on this machine, so the proxy's own share is visible.
 * Each child also reports its CPU time, so the cost per request of every process is printed:
 * unlike req/s, CPU µs per request hardly moves when other work shares the 2 cores.
 *
 *   npx tsx bench/chaos-proxy.ts [roundSeconds=5] [rounds=3] [users=50]
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { Pool } from 'undici';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chaosProxy } from '../src/chaos/index.js';
import { load } from '../src/load.js';

const self = fileURLToPath(import.meta.url);

type Path = 'direct' | 'bare' | 'proxy';

/** The floor: the least an HTTP hop can do (GETs only, headers passed as they are). */
function bareHop(target: string) {
  const pool = new Pool(target, { pipelining: 1 });
  return createServer((req, res) => {
    pool.dispatch(
      { method: 'GET', path: req.url!, headers: req.headers as Record<string, string> },
      {
        // undici takes a handler without onRequestStart for its deprecated API.
        onRequestStart: () => undefined,
        onResponseStart: (_controller, status, headers) => void res.writeHead(status, headers),
        onResponseData: (_controller, chunk) => void res.write(chunk),
        onResponseEnd: () => void res.end(),
        onResponseError: () => void res.destroy(),
      },
    );
  });
}

/** Child mode: serve (upstream), hop (bare) or proxy, report the URL to the parent, run until killed. */
async function child(role: string, target: string | undefined): Promise<void> {
  // Any message from the parent asks for this process's CPU time so far, µs.
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuUs: user + system });
  });
  if (role === 'upstream' || role === 'bare') {
    const server =
      role === 'bare' ? bareHop(target!) : createServer((_req, res) => res.end('hello world'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  } else {
    const proxy = await chaosProxy({ target: target!, seed: 1 });
    process.send!({ url: proxy.url });
  }
}

/** Start a child in `role` and wait for its URL. */
async function start(role: string, target?: string) {
  const proc = fork(self, ['--child', role, ...(target ? [target] : [])], {
    execArgv: ['--import', 'tsx'],
  });
  const [message] = (await once(proc, 'message')) as [{ url: string }];
  /** The child's CPU time so far (user + system), µs. */
  const cpuUs = async () => {
    const reply = once(proc, 'message');
    proc.send('cpu');
    return ((await reply) as [{ cpuUs: number }])[0].cpuUs;
  };
  return { url: message.url, cpuUs, stop: () => proc.kill() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const [roundSeconds = 5, rounds = 3, users = 50] = process.argv.slice(2).map(Number);
  const upstream = await start('upstream');
  const bare = await start('bare', upstream.url);
  const proxy = await start('proxy', upstream.url);
  // Each path with the process whose CPU per request is its cost: the upstream for direct, else the hop.
  const paths: [Path, string, typeof upstream][] = [
    ['direct', upstream.url, upstream],
    ['bare', bare.url, bare],
    ['proxy', proxy.url, proxy],
  ];
  const figures = Object.fromEntries(
    paths.map(([name]) => [
      name,
      { rps: [] as number[], p50: [] as number[], cpuUsPerRequest: [] as number[] },
    ]),
  ) as Record<Path, { rps: number[]; p50: number[]; cpuUsPerRequest: number[] }>;
  try {
    // A short warm-up of every path (JIT, keep-alive pools), not measured.
    for (const [, url] of paths)
      await load({ target: url, users, duration: '1s', progress: false, ledger: false });
    for (let round = 0; round < rounds; round++) {
      for (const [name, url, costly] of paths) {
        const cpuBeforeUs = await costly.cpuUs();
        const result = await load({
          target: url,
          users,
          duration: roundSeconds * 1000,
          progress: false,
          ledger: false,
        });
        const cpuUsPerRequest = ((await costly.cpuUs()) - cpuBeforeUs) / result.requests.total;
        if (result.requests.failed > 0)
          throw new Error(`${name}: ${result.requests.failed} failures`);
        figures[name].rps.push(result.throughput);
        figures[name].p50.push(result.latency.p50 ?? NaN);
        figures[name].cpuUsPerRequest.push(cpuUsPerRequest);
        console.log(
          `round ${round + 1} ${name.padEnd(6)} ${Math.round(result.throughput)} req/s  p50 ` +
            `${result.latency.p50?.toFixed(2)} ms  ${cpuUsPerRequest.toFixed(1)} CPU µs/request`,
        );
      }
    }
  } finally {
    proxy.stop();
    bare.stop();
    upstream.stop();
  }
  const rps = (path: Path) => median(figures[path].rps);
  const p50 = (path: Path) => median(figures[path].p50);
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} Node ${process.version}, ${users} users, ` +
      `${rounds} × ${roundSeconds} s per path, alternating`,
  );
  const cpu = (path: Path) => median(figures[path].cpuUsPerRequest).toFixed(1);
  for (const [name] of paths)
    console.log(
      `${`${name}:`.padEnd(7)} ${Math.round(rps(name))} req/s, p50 ${p50(name).toFixed(2)} ms (medians of rounds)`,
    );
  console.log(
    `CPU per request: upstream ${cpu('direct')} µs, bare hop ${cpu('bare')} µs, chaosProxy ${cpu('proxy')} µs`,
  );
  console.log(
    `ratio proxy/direct: ${(rps('proxy') / rps('direct')).toFixed(2)}×  added p50: ` +
      `${(p50('proxy') - p50('direct')).toFixed(2)} ms`,
  );
  console.log(
    `ratio bare/direct:  ${(rps('bare') / rps('direct')).toFixed(2)}×  (any extra hop)   ` +
      `proxy/bare: ${(rps('proxy') / rps('bare')).toFixed(2)}× (chaosProxy's own cost)`,
  );
}

if (process.argv[2] === '--child') void child(process.argv[3], process.argv[4]);
else await main();
