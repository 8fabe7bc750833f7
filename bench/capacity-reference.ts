/**
 * Repeatability of findCapacity on the reference service (fixtures/ethix-service, started as the
 * suites start it: a child process with the suites' options): 3 searches in a row with the
 * stress-100 suite's SLA, range and resolution, then a naive fixed-step ramp over the same range
 * (every `resolution` users from `from` up, stopping at the first level that does not pass) with
 * the same level duration, SLA and settle. Per run: capacity, first failing level, levels run,
 * the attribution's limiter, generator-bound, wall time; then the spread and the wall times.
 * Run: npx tsx bench/capacity-reference.ts [--level-duration 5s] [--no-write] [--json FILE]
 * (--json keeps the setup and every run's whole CapacityResult; --render FILE prints and writes
 * the table of such a file again without running).
 * Writes the figures into the capacity-reference region of docs/performance.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { findCapacity } from '../src/capacity/find-capacity.js';
import type { CapacityOptions } from '../src/capacity/capacity-options.js';
import { load } from '../src/load.js';
import {
  seedMix,
  stressCapacityOptions,
  type StressCapacityOptions,
} from '../suites/setup/seed-mix.js';
import { startServiceProcess } from '../suites/setup/service-process.js';
import { SUITE_SERVICE_OPTIONS } from '../suites/setup/service-options.js';
import { waitForIdle } from '../suites/setup/wait-for-idle.js';
import { writeRegion } from './capacity/doc-region.js';
import {
  renderReference,
  type BenchRecord,
  type ReferenceRun,
} from './capacity/reference-table.js';

const SEARCHES = 3;
const DOC = new URL('../docs/performance.md', import.meta.url);

/** A fresh service is slow for its first requests (JIT, worker start-up): keep that out of run 1. */
async function warmUp(target: string, users: number): Promise<void> {
  await load({ target, users, duration: 3000, scenarios: seedMix(), progress: false });
  await waitForIdle(target);
}

async function runAll(common: StressCapacityOptions): Promise<ReferenceRun[]> {
  const { target, users, resolution } = common;
  const plans: Array<{ name: string; options: CapacityOptions }> = [];
  for (let i = 1; i <= SEARCHES; i++) {
    plans.push({ name: `search ${i}`, options: common });
  }
  // The naive ramp: every `resolution` users; its gap at the first fail is already the resolution.
  plans.push({
    name: `fixed-step ramp (${resolution} users)`,
    options: { ...common, users: { ...users, step: resolution } },
  });
  const runs: ReferenceRun[] = [];
  for (const { name, options } of plans) {
    await waitForIdle(target);
    const loadAtStart = loadavg()[0];
    const result = await findCapacity({ ...options, name: `capacity-reference ${name}` });
    runs.push({ name, result, loadAtStart });
    const levels = result.levels.map((l) => `${l.level}:${l.state}`).join(' ');
    console.log(
      `${name}: ${result.outcome}, ${result.capacity} users, first failing ${result.firstFailing}, ` +
        `${result.wallTimeMs} ms; levels ${levels}; ${result.attribution.text}`,
    );
  }
  return runs;
}

/** Start the service, warm it up, run the searches and the ramp, stop it; the whole record. */
async function measure(levelDuration: string): Promise<BenchRecord> {
  const loadBefore = loadavg();
  const service = await startServiceProcess(SUITE_SERVICE_OPTIONS);
  const search = stressCapacityOptions(service.url, levelDuration, service.aiCoreUrl);
  let runs: ReferenceRun[];
  try {
    await warmUp(service.url, search.users.from);
    runs = await runAll(search);
  } finally {
    await service.close();
  }
  const { users: range, resolution, sla } = search;
  const setup = { levelDuration, range, resolution, sla };
  const measuredAt = new Date().toISOString();
  return { setup: { ...setup, loadBefore, loadAfter: loadavg(), measuredAt }, runs };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'level-duration': { type: 'string', default: '5s' },
      'no-write': { type: 'boolean', default: false },
      json: { type: 'string' },
      render: { type: 'string' },
    },
  });
  // --render FILE: the table of a run kept with --json, without running again.
  const record: BenchRecord = values.render
    ? JSON.parse(await readFile(values.render, 'utf8'))
    : await measure(values['level-duration']);
  const section = renderReference(record.runs, record.setup);
  console.log(section);
  if (values.json) await writeFile(values.json, JSON.stringify(record, null, 2));
  if (!values['no-write']) await writeRegion(DOC, 'capacity-reference', section);
}

await main();
