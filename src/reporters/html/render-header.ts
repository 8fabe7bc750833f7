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
  const searches = tests.reduce((n, test) => n + test.capacity.length, 0);
  const totals = t
    ? `${t.tests} tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped · ` +
      `${t.perfTests} with load · ${searches} capacity ${searches === 1 ? 'search' : 'searches'} · ` +
      `SLA ${t.slaPassed} held, ${t.slaFailed} breached`
    : '';
  return `<header>
<h1>vitest-stress report</h1>
<p class="totals">${e(totals)}</p>
<dl class="facts">${facts.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>
</header>`;
}

/** A test's capacity searches in the index: '36 users (found)' each, a link to its section; '–' for none. */
export function capacityIndexCell(test: TestView): string {
  if (test.capacity.length === 0) return '–';
  return test.capacity
    .map((c) => {
      const r = c.result;
      const found = r.capacity === null ? 'none' : `${r.capacity} ${r.unit}`;
      return `<a href="#${c.id}">${e(found)} (${e(r.outcome)})</a>`;
    })
    .join('<br>');
}

/** The index of tests: state, name (a link to its section), file, SLA tally, runs and capacity searches. */
export function renderIndex(tests: readonly TestView[]): string {
  if (tests.length === 0)
    return '<nav class="index"><h2>Tests</h2><p>No tests in this report.</p></nav>';
  const rows = tests.map(
    (t) =>
      `<tr class="${e(t.state)}"><td>${badge(t.state)}</td><td><a ` +
      `href="#${t.id}">${e(t.record.fullName || t.record.name)}</a></td><td><code>` +
      `${e(t.record.file)}</code></td><td>${e(verdictTally(t.verdicts))}</td><td>` +
      `${t.runs.length}</td><td class="capacity">${capacityIndexCell(t)}</td></tr>`,
  );
  const head = ['state', 'test', 'file', 'SLA', 'runs', 'capacity searches'];
  return `<nav class="index"><h2>Tests</h2><table><thead><tr>${head
    .map((h) => `<th scope="col">${h}</th>`)
    .join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></nav>`;
}
