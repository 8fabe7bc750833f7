/**
 * Proxy overhead with no faults: throughput and p50 through chaosProxy versus direct, in one
 * run, alternating rounds. The upstream and the proxy each run in a child process so the load
 * generator does not share its event loop with them (2 cores: expect contention anyway).
 *
 *   npx tsx bench/chaos-proxy.ts [roundSeconds=5] [rounds=3] [users=50]
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chaosProxy } from '../src/chaos/index.js';
import { load } from '../src/load.js';

const self = fileURLToPath(import.meta.url);

/** Child mode: serve (upstream) or proxy, report the URL to the parent, run until killed. */
async function child(role: string, target: string | undefined): Promise<void> {
  if (role === 'upstream') {
    const server = createServer((_req, res) => res.end('hello world'));
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
  const proc = fork(self, ['--child', role, ...(target ? [target] : [])], { execArgv: ['--import', 'tsx'] });
  const [message] = (await once(proc, 'message')) as [{ url: string }];
  return { url: message.url, stop: () => proc.kill() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const [roundSeconds = 5, rounds = 3, users = 50] = process.argv.slice(2).map(Number);
  const upstream = await start('upstream');
  const proxy = await start('proxy', upstream.url);
  const figures: Record<'direct' | 'proxy', { rps: number[]; p50: number[] }> = { direct: { rps: [], p50: [] }, proxy: { rps: [], p50: [] } };
  try {
    // A short warm-up of both paths (JIT, keep-alive pools), not measured.
    for (const url of [upstream.url, proxy.url]) await load({ target: url, users, duration: '1s', progress: false, ledger: false });
    for (let round = 0; round < rounds; round++) {
      for (const [name, url] of [['direct', upstream.url], ['proxy', proxy.url]] as const) {
        const result = await load({ target: url, users, duration: roundSeconds * 1000, progress: false, ledger: false });
        if (result.requests.failed > 0) throw new Error(`${name}: ${result.requests.failed} failures`);
        figures[name].rps.push(result.throughput);
        figures[name].p50.push(result.latency.p50 ?? NaN);
        console.log(`round ${round + 1} ${name.padEnd(6)} ${Math.round(result.throughput)} req/s  p50 ${result.latency.p50?.toFixed(2)} ms`);
      }
    }
  } finally {
    proxy.stop();
    upstream.stop();
  }
  const direct = median(figures.direct.rps);
  const proxied = median(figures.proxy.rps);
  console.log(`\n${new Date().toISOString().slice(0, 10)} Node ${process.version}, ${users} users, ${rounds} × ${roundSeconds} s per path, alternating`);
  console.log(`direct: ${Math.round(direct)} req/s, p50 ${median(figures.direct.p50).toFixed(2)} ms (medians of rounds)`);
  console.log(`proxy:  ${Math.round(proxied)} req/s, p50 ${median(figures.proxy.p50).toFixed(2)} ms`);
  console.log(`ratio proxy/direct: ${(proxied / direct).toFixed(2)}×  added p50: ${(median(figures.proxy.p50) - median(figures.direct.p50)).toFixed(2)} ms`);
}

if (process.argv[2] === '--child') void child(process.argv[3], process.argv[4]);
else await main();
