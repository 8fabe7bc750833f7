import type { AbResult, AbSideFigures } from '../../src/contracts/ab-result.js';

/** One side's figures: p95 given, p50/p99 derived, `failed` of `finished` requests failed. */
export function side(
  p95Ms: number | null,
  { failed = 0, finished = 1000, rps = 500 } = {},
): AbSideFigures {
  return {
    p50Ms: p95Ms === null ? null : p95Ms / 2,
    p75Ms: p95Ms === null ? null : p95Ms * 0.7,
    p90Ms: p95Ms === null ? null : p95Ms * 0.9,
    p95Ms,
    p99Ms: p95Ms === null ? null : p95Ms * 1.5,
    p999Ms: p95Ms === null ? null : p95Ms * 2,
    errorRate: finished === 0 ? 0 : failed / finished,
    throughputRps: rps,
    total: finished,
    ok: p95Ms === null ? 0 : finished - failed,
    failed: p95Ms === null ? finished : failed,
    durationMs: 1000,
  };
}

/** An A/B result from per-round [baseline, candidate] figures, in ABBA order. */
export function abResult(rounds: Array<[AbSideFigures, AbSideFigures]>): AbResult {
  return {
    kind: 'vitest-stress/ab',
    schemaVersion: 1,
    baseline: 'http://127.0.0.1:1/',
    candidate: 'http://127.0.0.1:2/',
    order: rounds.map((_, i) => (i % 2 === 0 ? 'AB' : 'BA')).join(''),
    roundDurationMs: 1000,
    warmupMs: 0,
    profile: 'quick',
    startedAt: '2026-11-30T15:00:00.000Z',
    rounds: rounds.map(([baseline, candidate], i) => ({
      round: i + 1,
      order: i % 2 === 0 ? 'AB' : 'BA',
      baseline,
      candidate,
    })),
    warnings: [],
  };
}

/** Rounds whose p95 log ratios are exactly `logRatios` (baseline p95 100 ms). */
export function roundsWithLogRatios(logRatios: number[]): AbResult {
  return abResult(logRatios.map((d) => [side(100), side(100 * Math.exp(d))]));
}
