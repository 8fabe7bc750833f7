import { runBlock } from '../src/report-text/run-block.js';
import type { TestRecord } from './collect.js';

/** The terminal summary for every test that ran load() or measure() or judged an SLA. */
export function summaryText(tests: TestRecord[]): string {
  const perf = tests.filter((t) => t.runs.length > 0 || t.verdicts.length > 0 || t.annotations.length > 0);
  if (perf.length === 0) return '';
  const out = ['', ' vitest-stress summary', ''];
  for (const t of perf) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
    out.push(` ${mark} ${t.file} > ${t.fullName}`);
    t.runs.forEach((run, i) => {
      if (t.runs.length > 1) out.push(`  run ${i + 1}${run.name ? ` (${run.name})` : ''}`);
      out.push(...runBlock(run));
    });
    for (const v of t.verdicts) out.push(`  SLA ${v.pass ? '✓' : '✗'} ${v.message}`);
    for (const a of t.annotations) out.push(...`  ${a.type}: ${a.message}`.split('\n').map((l, i) => (i ? `    ${l}` : l)));
    out.push('');
  }
  return out.join('\n');
}
