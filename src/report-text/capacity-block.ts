import type { CapacityLevel, CapacityMeta } from '../contracts/capacity.js';
import { capacityHeadline, limiterText, p95Line, slaText, sortedLevels } from './capacity-rows.js';

// The terminal summary of one capacity search: headline, a compact levels table, knee, USL, limiter.

function fixed(value: number | null, digits: number): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

/** '180 [162, 198]': the p95 and, when the SLA judged it, its interval. */
function p95Cell(level: CapacityLevel): string {
  const line = p95Line(level);
  if (!line || (line.low === null && line.high === null)) return fixed(level.p95Ms, 0);
  return `${fixed(level.p95Ms, 0)} [${fixed(line.low, 0)}, ${fixed(line.high, 0)}]`;
}

function levelRow(level: CapacityLevel, result: CapacityMeta): string {
  const marks = [
    level.level === result.capacity ? 'capacity' : '',
    level.level === result.knee ? 'knee' : '',
    level.phase === 'refine' ? 'refine' : '',
    level.runs > 1 ? `extended ×${level.runs - 1}` : '',
    level.generatorWarnings.length > 0 ? 'generator lagged' : '',
  ].filter(Boolean);
  return [
    `    ${String(level.level).padStart(7)}`,
    level.state.padEnd(12),
    level.throughputRps.toFixed(1).padStart(9),
    p95Cell(level).padStart(18),
    `${(level.errorRate * 100).toFixed(2)}%`.padStart(8),
    `  ${marks.join(', ')}`,
  ]
    .join(' ')
    .trimEnd();
}

/** 'σ 0.020 (contention), κ 0.00040 (coherency), peak 305.1 rps at 49.5 users, R² 0.991'. */
export function uslText(result: CapacityMeta): string {
  const u = result.usl;
  if (typeof u === 'string') return `no fit: ${u}`;
  const peak =
    u.peakUsers === null
      ? `plateau ${fixed(u.peakRps, 1)} rps (κ ≈ 0)`
      : `peak ${fixed(u.peakRps, 1)} rps at ${fixed(u.peakUsers, 1)} users`;
  return [
    `σ ${u.sigma.toFixed(3)} (contention)`,
    `κ ${u.kappa.toPrecision(2)} (coherency)`,
    `λ ${u.lambda.toFixed(2)} rps/user`,
    peak,
    `R² ${u.rSquared.toFixed(3)}`,
  ].join(', ');
}

/** The summary's block for one capacity search. */
export function capacityBlock(result: CapacityMeta): string[] {
  const unit = result.unit;
  const columns = [unit.padStart(7), 'verdict'.padEnd(12), 'rps'.padStart(9)];
  const head = `    ${columns.join(' ')} ${'p95 ms [interval]'.padStart(18)} ${'errors'.padStart(8)}`;
  const wallS = (result.wallTimeMs / 1000).toFixed(1);
  const bounds = `${Math.round(result.confidence * 100)}% bounds`;
  const knee =
    result.knee === null ? 'n/a' : `${result.knee} ${unit} (throughput within 90% of its peak)`;
  return [
    `  Capacity:      ${capacityHeadline(result)}`,
    `  Levels:        ${result.levels.length} in ${wallS} s, resolution ${result.resolution} ${unit}, ${bounds}`,
    `  SLA:           ${slaText(result)}`,
    head,
    ...sortedLevels(result).map((l) => levelRow(l, result)),
    `  Knee:          ${knee}`,
    `  USL:           ${uslText(result)}`,
    `  Limited by:    ${limiterText(result)}`,
    ...result.warnings.map((w) => `  Warning:       ${w}`),
  ];
}
