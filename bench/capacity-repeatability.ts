/**
 * Repeatability of findCapacity: 3 searches in a row on a server of known capacity (c workers,
 * service time s, FIFO queue: under p95 < k·s the capacity is about c·k users), their spread
 * against the resolution, and their wall time against a naive fixed-step ramp of the same range
 * (every user from `from` up, stopping at the first level that fails — the ramp's cheapest form).
 * Run: npx tsx bench/capacity-repeatability.ts [--no-write]
 * Writes the figures into the capacity region of docs/performance.md.
 */
import os from 'node:os';
import { findCapacity } from '../src/capacity/find-capacity.js';
import type { CapacityResult } from '../src/capacity/capacity-types.js';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { writeRegion } from './capacity/doc-region.js';

const SERVER = fileURLToPath(new URL('./servers/pool-server-main.ts', import.meta.url));

const WORKERS = 4;
const SERVICE_MS = 20;
const K = 3;
const RANGE = { from: 2, to: 50, step: 8 };
const SEARCHES = 3;
const DOC = new URL('../docs/performance.md', import.meta.url);

interface Row {
  name: string;
  result: CapacityResult;
}

async function main(): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SERVER, String(WORKERS), String(SERVICE_MS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const common = {
    target: line.trim(),
    sla: { p95: K * SERVICE_MS },
    levelDuration: '2s',
    settle: { timeout: '5s', quiet: '100ms' },
    maxWallTime: '5m',
  } as const;
  const rows: Row[] = [];
  try {
    for (let i = 1; i <= SEARCHES; i++) {
      const result = await findCapacity({ ...common, users: RANGE, resolution: 1 });
      rows.push({ name: `search ${i}`, result });
      console.log(`search ${i}: ${result.capacity} users, ${result.wallTimeMs} ms`);
    }
    const ramp = await findCapacity({ ...common, users: { ...RANGE, step: 1 } });
    rows.push({ name: 'fixed-step ramp (1 user)', result: ramp });
    console.log(`ramp: ${ramp.capacity} users, ${ramp.wallTimeMs} ms`);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  const section = render(rows);
  console.log(section);
  if (!process.argv.includes('--no-write')) await writeRegion(DOC, 'capacity', section);
}

function render(rows: Row[]): string {
  const searches = rows.slice(0, SEARCHES).map((r) => r.result);
  const found = searches.map((r) => r.capacity ?? 0);
  const spread = Math.max(...found) - Math.min(...found);
  const meanWall = searches.reduce((a, r) => a + r.wallTimeMs, 0) / searches.length;
  const ramp = rows[SEARCHES].result;
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = os.loadavg()[0].toFixed(1);
  return [
    `Measured ${when} UTC (${os.cpus().length} cores, load average ${load}); server: ${WORKERS}`,
    `workers × ${SERVICE_MS} ms, SLA p95 < ${K * SERVICE_MS} ms (expected capacity ≈ ${WORKERS * K} users);`,
    `users ${RANGE.from}..${RANGE.to} step ${RANGE.step}, levels of 2 s, resolution 1 user:`,
    '',
    '```',
    'npx tsx bench/capacity-repeatability.ts',
    '```',
    '',
    '| run | capacity | first failing | levels run | generator-bound | wall time |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(({ name, result: r }) => {
      const cells = [name, r.capacity ?? '—', r.firstFailing ?? '—', r.levels.length];
      cells.push(r.generatorBound ? 'yes' : 'no', `${(r.wallTimeMs / 1000).toFixed(1)} s`);
      return `| ${cells.join(' | ')} |`;
    }),
    '',
    `Spread of the 3 searches: ${spread} user(s) (target ≤ 1 step of refinement = 1 user). Mean wall`,
    `time of a search ${(meanWall / 1000).toFixed(1)} s against ${(ramp.wallTimeMs / 1000).toFixed(1)} s`,
    `for the ramp (${(ramp.wallTimeMs / meanWall).toFixed(2)}×).`,
  ].join('\n');
}

await main();
