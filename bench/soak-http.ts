/**
 * Soak: an open-model run with the request ledger on disk (the default: past 50 000 requests it
 * moves to a file) against the same run with the ledger kept in memory, one after the other in
 * this process, against bench/servers/trivial.mjs in a child process. Reads RSS, heap and
 * ArrayBuffers every 5 s; reports their growth from the end of the first minute (the first 20%
 * of shorter runs) to the end, bytes per request on disk, throughput disk / memory (target
 * ≥ 0.95×), requests and the schedule's late and dropped sends.
 * Run: npx tsx bench/soak-http.ts [--minutes 10] [--rate 5000] [--memory-first] [--only disk|memory]
 * (minutes per mode). --memory-first runs the in-memory arm first, to see whether the order (a shared
 * machine) biases the ratio; --only runs one arm (the 30-minute soak by hand: --minutes 30 --only disk);
 * --gc (with NODE_OPTIONS=--expose-gc) forces a full GC before the growth's first and last readings,
 * so growth compares live memory, not garbage the GC has not collected yet (one pause per arm).
 * 10 minutes by default as issue 24 asks, so `npm run bench` spends 20 minutes here.
 * Prints; writes nothing into docs (docs/performance.md is filled in by hand).
 */
import { statSync } from 'node:fs';
import os from 'node:os';
import type { RunResult } from '../src/contracts/run-result.js';
import { load } from '../src/load.js';
import { growthSince, sampleMemory, type MemoryGrowth } from './soak/memory-sampler.js';
import { startTrivialServer } from './soak/server-process.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!(value > 0)) throw new Error(`--${name} must be a positive number, got ${args[i + 1]}`);
  return value;
};
const MINUTES = flag('minutes', 10);
const RATE = flag('rate', 5000);
const DURATION_MS = Math.round(MINUTES * 60_000);
const SAMPLE_MS = 5000;
const FORCED_GC = args.includes('--gc');
if (FORCED_GC && typeof global.gc !== 'function')
  throw new Error(
    '--gc needs the GC exposed: NODE_OPTIONS=--expose-gc npx tsx bench/soak-http.ts --gc',
  );
/** Growth is measured from here: the end of the first minute, or the first 20% of a shorter run. */
const FROM_S = MINUTES >= 5 ? 60 : (DURATION_MS / 1000) * 0.2;

interface Arm {
  name: string;
  run: RunResult;
  growth: MemoryGrowth;
  fileBytes: number | undefined;
}

/** One open-model run with `ledger`, its memory read every SAMPLE_MS. */
async function soak(
  url: string,
  name: string,
  ledger: { memoryRows: number } | undefined,
): Promise<Arm> {
  global.gc?.();
  const sampler = sampleMemory(SAMPLE_MS, FORCED_GC ? FROM_S : undefined);
  const run = await load({
    target: url,
    rate: RATE,
    duration: DURATION_MS,
    progress: false,
    ...(ledger ? { ledger } : {}),
  });
  const growth = growthSince(sampler.stop(), FROM_S);
  // The file is removed once the result is collected: read its size on disk while it is referenced.
  const fileBytes = run.ledgerFile ? statSync(run.ledgerFile.path).size : undefined;
  return { name, run, growth, fileBytes };
}

const mb = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)} MB`;

function describe(arm: Arm): string[] {
  const { run, growth } = arm;
  const { from, to } = growth;
  const s = run.schedule;
  const requests = run.requests.total;
  const file = run.ledgerFile;
  return [
    `### ${arm.name}`,
    `- requests ${requests} (ok ${run.requests.ok}, failed ${run.requests.failed}, ` +
      `dropped ${run.requests.dropped}); throughput ${run.throughput.toFixed(0)} req/s ` +
      `of ${RATE}; p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms`,
    `- schedule: planned ${s?.plannedSends}, sent ${s?.sentSends}, late (> ${s?.lateThresholdMs} ms) ` +
      `${s?.lateSends} (${(((s?.lateSends ?? 0) / Math.max(1, s?.sentSends ?? 0)) * 100).toFixed(2)}%), ` +
      `max late ${s?.maxLateMs} ms, dropped ${s?.droppedSends}, unsent ${s?.unsentSends}, ` +
      `loop lag p99 ${s?.eventLoopLagP99Ms} ms`,
    `- load average (1 min) during the arm ${growth.load1.min.toFixed(2)}–${growth.load1.max.toFixed(2)}; ` +
      `RSS at each minute's end (MB) ${growth.rssByMinuteMb.join(' ')}`,
    `- memory${FORCED_GC ? ' (both readings after a forced full GC)' : ''} ` +
      `from ${from.tS.toFixed(0)} s to ${to.tS.toFixed(0)} s: RSS ${from.rssMb.toFixed(0)} → ` +
      `${to.rssMb.toFixed(0)} MB (${mb(to.rssMb - from.rssMb)}, peak ${growth.peakRssMb.toFixed(0)} MB); ` +
      `heap used ${mb(to.heapUsedMb - from.heapUsedMb)}; ` +
      `ArrayBuffers ${mb(to.arrayBuffersMb - from.arrayBuffersMb)}; ` +
      `heap + ArrayBuffers ${mb(to.heapUsedMb + to.arrayBuffersMb - from.heapUsedMb - from.arrayBuffersMb)}`,
    file
      ? `- ledger file: ${arm.fileBytes} bytes on disk (${file.rows} rows, lost ${file.lostRows}, ` +
        `partial ${file.partial}) = ${((arm.fileBytes ?? 0) / Math.max(1, requests)).toFixed(2)} bytes/request`
      : '- ledger in memory (no file)',
    ...run.warnings.map((w) => `- warning: ${w}`),
  ];
}

/** The closing line: throughput ratio (both arms) and the disk arm's RSS growth against their targets. */
function verdictLine(disk: Arm | undefined, memory: Arm | undefined): string {
  const parts: string[] = [];
  if (disk && memory) {
    const ratio = disk.run.throughput / memory.run.throughput;
    parts.push(
      `throughput disk / memory: ${ratio.toFixed(3)}× (target ≥ 0.95×: ${ratio >= 0.95 ? 'met' : 'NOT met'})`,
    );
  }
  if (disk) {
    const rssGrowthMb = disk.growth.to.rssMb - disk.growth.from.rssMb;
    parts.push(
      `disk RSS growth ${mb(rssGrowthMb)} (target < 50 MB: ${rssGrowthMb < 50 ? 'met' : 'NOT met'})`,
    );
  }
  const after = os.loadavg().map((l) => l.toFixed(2));
  parts.push(`load average after ${after.join(' ')}; ended ${new Date().toISOString()}`);
  return `\n${parts.join('; ')}`;
}

const server = await startTrivialServer();
try {
  const loadBefore = os.loadavg();
  console.log(
    `soak-http: ${MINUTES} min per mode at ${RATE} req/s, open model; Node ${process.versions.node}, ` +
      `${os.availableParallelism()} cores; load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}; ` +
      `started ${new Date().toISOString()}`,
  );
  // Warm up undici and the JIT, so neither arm is judged on a cold start.
  await load({
    target: server.url,
    rate: Math.min(RATE, 2000),
    duration: '3s',
    ledger: false,
    progress: false,
  });
  const arms = { disk: undefined as Arm | undefined, memory: undefined as Arm | undefined };
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'disk' && only !== 'memory')
    throw new Error(`--only must be disk or memory, got ${only}`);
  const order = args.includes('--memory-first') ? ['memory', 'disk'] : ['disk', 'memory'];
  for (const which of order.filter((arm) => only === undefined || arm === only)) {
    const arm =
      which === 'disk'
        ? await soak(server.url, 'ledger on disk (default, memoryRows 50 000)', undefined)
        : await soak(server.url, 'ledger in memory (memoryRows: MAX_SAFE_INTEGER)', {
            memoryRows: Number.MAX_SAFE_INTEGER,
          });
    console.log(describe(arm).join('\n'));
    arms[which as 'disk' | 'memory'] = arm;
  }
  console.log(verdictLine(arms.disk, arms.memory));
  if (arms.disk && arms.disk.run.ledgerFile === undefined) {
    console.error(
      'the disk arm never moved to a file: the run was shorter than memoryRows requests',
    );
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
