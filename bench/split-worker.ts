/**
 * One load generator process for bench/split.ts: load() of BENCH_USERS users for BENCH_DURATION_MS
 * against BENCH_TARGET (STRESS_SPLIT / STRESS_START_AT apply as in any split run); prints the
 * run's meta (histogram, counts, startedAt, split) as one JSON line on stdout.
 */
import { load } from '../src/load.js';
import { toRunMeta } from '../src/vitest/run-meta.js';

const result = await load({
  target: process.env.BENCH_TARGET!,
  users: Number(process.env.BENCH_USERS),
  duration: Number(process.env.BENCH_DURATION_MS),
  progress: false,
});
process.stdout.write(`${JSON.stringify(toRunMeta(result))}\n`);
