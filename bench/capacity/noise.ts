import type { CapacityResult, LevelSummary } from '../../src/capacity/capacity-types.js';

/** The service's CPU in cores during a level, from its /metrics (the ' CPU' reading). */
function cpuOf(level: LevelSummary): number | undefined {
  return level.resources?.find((r) => / CPU$/.test(r.resource))?.value;
}

/** Pearson's r of two samples of equal length; NaN below 3 points or without variance. */
export function correlation(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/**
 * How far the target's own CPU explains the runs: over every level without refusals (errors
 * under 1%), the correlation of throughput with the service's CPU and the CPU's range; per run,
 * its mean CPU, and the correlation of the capacities found with it.
 */
export function cpuEvidence(results: readonly CapacityResult[]) {
  const cpu: number[] = [];
  const rps: number[] = [];
  const meanCpu: number[] = [];
  const capacity: number[] = [];
  for (const r of results) {
    const own: number[] = [];
    for (const l of r.levels) {
      const c = cpuOf(l);
      if (c === undefined || l.errorRate > 0.01) continue;
      cpu.push(c);
      rps.push(l.throughputRps);
      own.push(c);
    }
    if (own.length > 0 && r.capacity !== null) {
      meanCpu.push(own.reduce((a, b) => a + b, 0) / own.length);
      capacity.push(r.capacity);
    }
  }
  return {
    levels: cpu.length,
    minCpu: Math.min(...cpu),
    maxCpu: Math.max(...cpu),
    rpsByCpu: correlation(cpu, rps),
    meanCpu,
    capacityByCpu: correlation(meanCpu, capacity),
  };
}
