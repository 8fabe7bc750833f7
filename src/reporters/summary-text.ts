import { describeAbRounds } from '../ab/describe-ab.js';
import type { RunMeta, SlaVerdict } from '../contracts/meta.js';
import { runBlock } from '../report-text/run-block.js';
import { capacityBlock } from '../report-text/capacity-block.js';
import { finalAttempts, hadSeveralTries, isFinalAttempt } from './attempts.js';
import type { TestRecord } from '../contracts/perf-results.js';

/** One SLA line; a split's provisional verdict says it is not the final word. */
function verdictLine(v: SlaVerdict): string {
  if (v.provisional)
    return (
      `  SLA ~ provisional, ${v.pass ? 'holds' : 'breached'} on this split (vitest-stress ` +
      `merge judges the whole): ${v.message}`
    );
  return `  SLA ${v.state === 'inconclusive' ? '? inconclusive:' : v.pass ? '✓' : '✗'} ${v.message}`;
}

/** Which split a run was, or which splits a merged run was made of. */
function splitLines(run: RunMeta): string[] {
  if (run.split) {
    const late =
      run.split.startAt === null
        ? 'no common start'
        : `started ${run.split.lateStartMs} ms after the common start`;
    return [`  Split:         ${run.split.index}/${run.split.count}, ${late}`];
  }
  if (run.merged)
    return [
      `  Merged:        ${run.merged.count} splits over a ${(run.merged.windowMs / 1000).toFixed(1)} s window`,
    ];
  return [];
}

/** Label of a run or verdict of a test that ran several times, e.g. ' [repetition 1, attempt 0, retried]'. */
function tryLabel(
  item: { attempt?: number; repetition?: number },
  test: TestRecord,
  finals: Map<number, number>,
): string {
  if (!hadSeveralTries(test)) return '';
  const parts = [`repetition ${item.repetition ?? 0}`, `attempt ${item.attempt ?? 0}`];
  if (!isFinalAttempt(item, finals)) parts.push('retried');
  return ` [${parts.join(', ')}]`;
}

/** One test's readable block: its runs, SLA verdicts (each try labelled), notes; no heading. */
export function testBlock(t: TestRecord): string[] {
  const out: string[] = [];
  const finals = finalAttempts(t);
  if (t.flaky)
    out.push(
      '  Flaky:         passed only after a failed attempt (its verdicts are marked retried)',
    );
  t.runs.forEach((run, i) => {
    if (t.runs.length > 1 || hadSeveralTries(t))
      out.push(`  run ${i + 1}${run.name ? ` (${run.name})` : ''}${tryLabel(run, t, finals)}`);
    out.push(...runBlock(run), ...splitLines(run));
  });
  for (const ab of t.ab ?? [])
    out.push(
      `  A/B ${ab.name ? `${ab.name}: ` : ''}${ab.candidate} against ${ab.baseline}, ${ab.order}`,
      ...describeAbRounds(ab).map((l) => `  ${l}`),
    );
  for (const capacity of t.capacity ?? []) out.push(...capacityBlock(capacity));
  for (const v of t.verdicts) out.push(`${verdictLine(v)}${tryLabel(v, t, finals)}`);
  for (const a of t.annotations)
    out.push(...`  ${a.type}: ${a.message}`.split('\n').map((l, i) => (i ? `    ${l}` : l)));
  return out;
}

/** The terminal summary for every test that ran load() or measure() or judged an SLA. */
export function summaryText(tests: TestRecord[]): string {
  const perf = tests.filter(
    (t) =>
      t.runs.length > 0 ||
      (t.ab?.length ?? 0) > 0 ||
      (t.capacity?.length ?? 0) > 0 ||
      t.verdicts.length > 0 ||
      t.annotations.length > 0,
  );
  if (perf.length === 0) return '';
  const out = ['', ' vitest-stress summary', ''];
  for (const t of perf) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
    out.push(` ${mark} ${t.file} > ${t.fullName}${t.flaky ? ' (flaky)' : ''}`);
    out.push(...testBlock(t), '');
  }
  return out.join('\n');
}
