import { describeBreakdown } from '../src/chaos/describe-breakdown.js';
import type { FaultBreakdown } from '../src/chaos/fault-breakdown.js';
import type { RunSummary } from '../src/result/types.js';
import type { RunMeta, SlaVerdict } from '../src/vitest/meta.js';

function isFaultBreakdown(value: unknown): value is FaultBreakdown {
  return typeof value === 'object' && value !== null && 'injected' in value && 'summary' in value && 'join' in value;
}
import { finalAttempts, hadSeveralTries, isFinalAttempt } from './attempts.js';
import type { TestRecord } from './collect.js';

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
    `  Latency (ms):  min ${fmt(l.min, 3)}  mean ${fmt(l.mean, 3)}  median ${fmt(l.p50, 3)}  p95 ${fmt(l.p95, 3)}  p99 ${fmt(l.p99, 3)}  max ${fmt(l.max, 3)}`,
  ];
  if (run.errors.length > 0) lines.push(`  Errors:        ${run.errors.slice(0, 3).map((e) => `${e.message} ×${e.count}`).join('; ')}`);
  for (const w of run.warnings) lines.push(`  Warning:       ${w}`);
  return lines;
}

/** The seed's result block for one run: duration, totals, success %, throughput, latency, status codes. */
export function runBlock(run: RunMeta): string[] {
  if (run.model === 'in-process') return measureBlock(run);
  const r = run.requests;
  const l = run.latency;
  const finished = r.ok + r.failed;
  const codes = Object.entries(run.statusCodes).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
  const failedParts = [`${r.httpErrors} http`, `${r.errors} network`, `${r.timeouts} timeouts`];
  const lines = [
    `  profile ${run.profile} · ${run.model} model · ${run.engine} · ${run.target}`,
    `  Measured:      ${run.measured}`,
    `  Duration:      ${(run.durationMs / 1000).toFixed(1)} s, ${run.users} ${run.model === 'open' ? 'max rate/in-flight' : 'users'}`,
    `  Total:         ${r.total} sent${r.cancelled ? `, ${r.cancelled} cancelled at the end` : ''}${r.dropped ? `, ${r.dropped} dropped (not sent)` : ''}`,
    `  Successful:    ${r.ok} (${pct(r.ok, finished)})`,
    `  Failed:        ${r.failed} (${failedParts.join(', ')})`,
    `  Throughput:    ${run.throughput.toFixed(1)} req/s`,
    `  Latency (ms):  min ${fmt(l.min)}  mean ${fmt(l.mean)}  median ${fmt(l.p50)}  p95 ${fmt(l.p95)}  p99 ${fmt(l.p99)}  max ${fmt(l.max)}`,
    `  Status codes:  ${codes}`,
  ];
  const schedule = run.schedule as { plannedSends: number; sentSends: number; lateSends: number; lateThresholdMs: number; droppedSends: number; unsentSends: number } | undefined;
  if (schedule) {
    lines.push(`  Schedule:      ${schedule.sentSends} of ${schedule.plannedSends} planned sends made, ${schedule.lateSends} late (> ${schedule.lateThresholdMs} ms), ${schedule.droppedSends} dropped at maxInFlight, ${schedule.unsentSends} never made`);
  }
  if (isFaultBreakdown(run.faults)) {
    for (const part of describeBreakdown(run as unknown as RunSummary, run.faults).split('; ')) lines.push(`  Faults:        ${part}`);
  }
  if (run.errors.length > 0) lines.push(`  Errors:        ${run.errors.slice(0, 3).map((e) => `${e.message} ×${e.count}`).join('; ')}`);
  lines.push(...splitLines(run));
  for (const w of run.warnings) lines.push(`  Warning:       ${w}`);
  return lines;
}

/** One SLA line; a split's provisional verdict says it is not the final word. */
function verdictLine(v: SlaVerdict): string {
  if (v.provisional) return `  SLA ~ provisional, ${v.pass ? 'holds' : 'breached'} on this split (vitest-stress merge judges the whole): ${v.message}`;
  return `  SLA ${v.pass ? '✓' : '✗'} ${v.message}`;
}

/** Which split a run was, or which splits a merged run was made of. */
function splitLines(run: RunMeta): string[] {
  if (run.split) {
    const late = run.split.startAt === null ? 'no common start' : `started ${run.split.lateStartMs} ms after the common start`;
    return [`  Split:         ${run.split.index}/${run.split.count}, ${late}`];
  }
  if (run.merged) return [`  Merged:        ${run.merged.count} splits over a ${(run.merged.windowMs / 1000).toFixed(1)} s window`];
  return [];
}

/** Label of a run or verdict of a test that ran several times, e.g. ' [repetition 1, attempt 0, retried]'. */
function tryLabel(item: { attempt?: number; repetition?: number }, test: TestRecord, finals: Map<number, number>): string {
  if (!hadSeveralTries(test)) return '';
  const parts = [`repetition ${item.repetition ?? 0}`, `attempt ${item.attempt ?? 0}`];
  if (!isFinalAttempt(item, finals)) parts.push('retried');
  return ` [${parts.join(', ')}]`;
}

/** One test's readable block: its runs, SLA verdicts (each try labelled), notes; no heading. */
export function testBlock(t: TestRecord): string[] {
  const out: string[] = [];
  const finals = finalAttempts(t);
  if (t.flaky) out.push('  Flaky:         passed only after a failed attempt (its verdicts are marked retried)');
  t.runs.forEach((run, i) => {
    if (t.runs.length > 1 || hadSeveralTries(t)) out.push(`  run ${i + 1}${run.name ? ` (${run.name})` : ''}${tryLabel(run, t, finals)}`);
    out.push(...runBlock(run));
  });
  for (const v of t.verdicts) out.push(`${verdictLine(v)}${tryLabel(v, t, finals)}`);
  for (const a of t.annotations) out.push(...`  ${a.type}: ${a.message}`.split('\n').map((l, i) => (i ? `    ${l}` : l)));
  return out;
}

/** The terminal summary for every test that ran load() or measure() or judged an SLA. */
export function summaryText(tests: TestRecord[]): string {
  const perf = tests.filter((t) => t.runs.length > 0 || t.verdicts.length > 0 || t.annotations.length > 0);
  if (perf.length === 0) return '';
  const out = ['', ' vitest-stress summary', ''];
  for (const t of perf) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
    out.push(` ${mark} ${t.file} > ${t.fullName}${t.flaky ? ' (flaky)' : ''}`);
    out.push(...testBlock(t), '');
  }
  return out.join('\n');
}
