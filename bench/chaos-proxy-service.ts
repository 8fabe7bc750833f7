/**
 * Chaos proxy overhead (no faults) against the reference service with the seed's mix — the
 * realistic case, next to bench/chaos-proxy.ts's worst case (a 'hello world' upstream).
 * Alternates direct / proxy rounds in one run. Run: npx tsx bench/chaos-proxy-service.ts [seconds] [rounds]
 */
import { loadavg } from 'node:os';
import { startEthix } from '../fixtures/ethix-service/index.js';
import { load } from '../src/index.js';
import { chaosProxy } from '../src/chaos/index.js';
import { seedMix } from '../suites/setup/seed-mix.js';

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const USERS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const loadStart = loadavg()[0];
  const service = await startEthix({ queueLimit: 64, logger: { warn: () => undefined } });
  const proxy = await chaosProxy({ target: service.url, faults: [], seed: 1 });
  const arms = { direct: service.url, proxy: proxy.url };
  const results: Record<string, { rps: number[]; p50: number[]; p95: number[] }> = {
    direct: { rps: [], p50: [], p95: [] },
    proxy: { rps: [], p50: [], p95: [] },
  };
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const [name, target] of Object.entries(arms)) {
        const run = await load({
          target,
          users: USERS,
          duration: seconds * 1000,
          scenarios: seedMix(),
          progress: false,
          ledger: false,
        });
        results[name].rps.push(run.throughput);
        results[name].p50.push(run.latency.p50 ?? NaN);
        results[name].p95.push(run.latency.p95 ?? NaN);
        console.log(
          `round ${round} ${name.padEnd(6)} ${run.throughput.toFixed(1)} req/s  p50 ` +
            `${run.latency.p50} ms  p95 ${run.latency.p95} ms  errors ` +
            `${(run.errorRate * 100).toFixed(2)}%`,
        );
      }
    }
  } finally {
    await proxy.close();
    await service.close();
  }
  const d = results.direct;
  const p = results.proxy;
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} Node ${process.version}, ${USERS} users, ` +
      `seed mix, ${rounds} × ${seconds} s per path, alternating; load average ` +
      `${loadStart.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `direct: ${median(d.rps).toFixed(1)} req/s, p50 ${median(d.p50)} ms, p95 ${median(d.p95)} ms (medians of rounds)`,
  );
  console.log(
    `proxy:  ${median(p.rps).toFixed(1)} req/s, p50 ${median(p.p50)} ms, p95 ${median(p.p95)} ms`,
  );
  console.log(
    `ratio proxy/direct: ${(median(p.rps) / median(d.rps)).toFixed(2)}×  added p50: ` +
      `${(median(p.p50) - median(d.p50)).toFixed(2)} ms`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
