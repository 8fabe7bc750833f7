import type { PerfResultsFile } from '../../contracts/perf-results.js';
import { escapeHtml as e } from './escape.js';
import type { TestView } from './prepare.js';
import { badge, timeTag, verdictTally } from './render-test.js';

/** The page header: profile, machine, Node, targets, commit, date and the totals. */
export function renderHeader(report: PerfResultsFile, tests: readonly TestView[]): string {
  const run = report.run ?? ({} as Partial<PerfResultsFile['run']>);
  const targets = [
    ...new Set(
      tests.flatMap((t) => t.runs.map((r) => r.run.target)).filter((t) => typeof t === 'string'),
    ),
  ];
  const facts: Array<[string, string]> = [
    ['profile', e(run.profile ?? 'unknown')],
    [
      'machine',
      `${e(run.hostname ?? '?')} · ${e(run.cpus ?? '?')} × ${e(run.cpuModel ?? '?')} · ` +
        `${e(run.totalMemoryMB ?? '?')} MB`,
    ],
    ['Node', `${e(run.node ?? '?')} · ${e(run.platform ?? '?')}/${e(run.arch ?? '?')}`],
    [
      'target',
      targets.length > 0
        ? targets
            .slice(0, 5)
            .map((t) => `<code>${e(t)}</code>`)
            .join(' ') + (targets.length > 5 ? ` +${targets.length - 5}` : '')
        : '–',
    ],
    ['commit', run.gitSha ? `<code>${e(run.gitSha)}</code>` : 'not a git checkout'],
    ['written', timeTag(run.date)],
    ['CI', run.ci ? 'yes' : 'no'],
  ];
  const t = report.totals;
  const totals = t
    ? `${t.tests} tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped · ` +
      `${t.perfTests} with load · SLA ${t.slaPassed} held, ${t.slaFailed} breached`
    : '';
  return `<header>
<h1>vitest-stress report</h1>
<p class="totals">${e(totals)}</p>
<dl class="facts">${facts.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>
</header>`;
}

/** The index of tests: state, name (a link to its section), file, SLA tally and duration. */
export function renderIndex(tests: readonly TestView[]): string {
  if (tests.length === 0)
    return '<nav class="index"><h2>Tests</h2><p>No tests in this report.</p></nav>';
  const rows = tests.map(
    (t) =>
      `<tr class="${e(t.state)}"><td>${badge(t.state)}</td><td><a ` +
      `href="#${t.id}">${e(t.record.fullName || t.record.name)}</a></td><td><code>` +
      `${e(t.record.file)}</code></td><td>${e(verdictTally(t.verdicts))}</td><td>` +
      `${t.runs.length}</td></tr>`,
  );
  return `<nav class="index"><h2>Tests</h2><table><thead><tr><th scope="col">state</th><th \
scope="col">test</th><th scope="col">file</th><th scope="col">SLA</th><th scope="col">runs</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></nav>`;
}
