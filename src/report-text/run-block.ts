import { describeBreakdown } from '../chaos/describe-breakdown.js';
import type { RunMeta } from '../contracts/meta.js';
import { journeyTables } from './journey-table.js';

// The result block the CLI prints after a run and the reporter prints per test.

function fmt(value: number | null, digits = 1): string {
  return value === null ? 'n/a' : value.toFixed(digits);
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : 'n/a';
}

/** The block for an in-process measure() run: calls, not requests. */
function measureBlock(run: RunMeta): string[] {
  const r = run.requests;
  const l = run.latency;
  const lines = [
    `  profile ${run.profile} · in-process · ${run.engine} · ${run.target}`,
    `  Measured:      ${run.measured}`,
    `  Duration:      ${(run.durationMs / 1000).toFixed(1)} s`,
    `  Calls:         ${r.total}${r.cancelled ? `, ${r.cancelled} cancelled at the end` : ''}, ${r.failed} threw`,
    `  Throughput:    ${run.throughput.toFixed(1)} ops/s`,
    `  Latency (ms):  min ${fmt(l.min, 3)}  mean ${fmt(l.mean, 3)}  median ${fmt(l.p50, 3)}  ` +
      `p95 ${fmt(l.p95, 3)}  p99 ${fmt(l.p99, 3)}  max ${fmt(l.max, 3)}`,
  ];
  if (run.errors.length > 0)
    lines.push(
      `  Errors:        ${run.errors
        .slice(0, 3)
        .map((e) => `${e.message} ×${e.count}`)
        .join('; ')}`,
    );
  for (const w of run.warnings) lines.push(`  Warning:       ${w}`);
  return lines;
}

/** The seed's result block for one run: duration, totals, success %, throughput, latency, status codes. */
export function runBlock(run: RunMeta): string[] {
  if (run.model === 'in-process') return measureBlock(run);
  const r = run.requests;
  const l = run.latency;
  const finished = r.ok + r.failed;
  const codes =
    Object.entries(run.statusCodes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ') || 'none';
  const failedParts = [`${r.httpErrors} http`, `${r.errors} network`, `${r.timeouts} timeouts`];
  const lines = [
    `  profile ${run.profile} · ${run.model} model · ${run.engine} · ${run.target}`,
    `  Measured:      ${run.measured}`,
    `  Duration:      ${(run.durationMs / 1000).toFixed(1)} s, ${run.users} ` +
      `${run.model === 'open' ? 'max rate/in-flight' : 'users'}`,
    `  Total:         ${r.total} ` +
      `sent${r.cancelled ? `, ${r.cancelled} cancelled at the end` : ''}` +
      `${r.dropped ? `, ${r.dropped} dropped (not sent)` : ''}`,
    `  Successful:    ${r.ok} (${pct(r.ok, finished)})`,
    `  Failed:        ${r.failed} (${failedParts.join(', ')})`,
    `  Throughput:    ${run.throughput.toFixed(1)} req/s`,
    `  Latency (ms):  min ${fmt(l.min)}  mean ${fmt(l.mean)}  median ${fmt(l.p50)}  p95 ` +
      `${fmt(l.p95)}  p99 ${fmt(l.p99)}  max ${fmt(l.max)}`,
    `  Status codes:  ${codes}`,
  ];
  const p95 = run.intervals?.p95;
  if (p95)
    lines.splice(
      -1,
      0,
      `  p95 bounds:    ${p95.lowMs === null ? '?' : fmt(p95.lowMs)} .. ` +
        `${p95.highMs === null ? `? (needs n ≥ ${p95.minSamples})` : fmt(p95.highMs)} ms at ` +
        `${p95.confidence * 100}%, ${p95.method}`,
    );
  const schedule = run.schedule;
  if (schedule) {
    lines.push(
      `  Schedule:      ${schedule.sentSends} of ${schedule.plannedSends} planned sends ` +
        `made, ${schedule.lateSends} late (> ${schedule.lateThresholdMs} ms), ` +
        `${schedule.droppedSends} dropped at maxInFlight, ${schedule.unsentSends} never made`,
    );
  }
  lines.push(...journeyTables(run));
  if (run.faults) {
    for (const part of describeBreakdown(run, run.faults).split('; '))
      lines.push(`  Faults:        ${part}`);
  }
  if (run.errors.length > 0)
    lines.push(
      `  Errors:        ${run.errors
        .slice(0, 3)
        .map((e) => `${e.message} ×${e.count}`)
        .join('; ')}`,
    );
  for (const w of run.warnings) lines.push(`  Warning:       ${w}`);
  return lines;
}
