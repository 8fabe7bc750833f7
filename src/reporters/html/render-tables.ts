import type { RunSummary } from '../../contracts/run-result.js';
import { escapeHtml as e } from './escape.js';
import { ms, num, pct } from './format.js';

type Summary = Omit<RunSummary, 'histogram'>;

/** A table with a caption; `rows` cells are already HTML. Empty string when there are no rows. */
export function table(
  caption: string,
  head: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  className = '',
): string {
  if (rows.length === 0) return '';
  const th = head.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return (
    '<table ' +
    `class="${e(className)}"><caption>${e(caption)}</caption><thead><tr>${th}` +
    `</tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

/** Per-scenario (or per-phase) summaries: requests, errors, throughput, latency percentiles. */
export function summariesTable(
  caption: string,
  summaries: Record<string, Summary> | undefined,
): string {
  const rows = Object.entries(summaries ?? {}).map(([name, s]) => [
    e(name),
    num(s.requests?.total, 0),
    num(s.requests?.ok, 0),
    num(s.requests?.failed, 0),
    pct(s.errorRate),
    `${num(s.throughput)} req/s`,
    ms(s.latency?.p50),
    ms(s.latency?.p95),
    ms(s.latency?.p99),
    ms(s.latency?.max),
  ]);
  return table(
    caption,
    ['name', 'sent', 'ok', 'failed', 'error rate', 'throughput', 'p50', 'p95', 'p99', 'max'],
    rows,
    'numeric',
  );
}

/** Responses by HTTP status, most frequent first. */
export function statusTable(statusCodes: Record<string, number> | undefined): string {
  const rows = Object.entries(statusCodes ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => [e(code), num(count, 0)]);
  return table('Status codes', ['status', 'responses'], rows, 'numeric');
}

/** Failures by kind (HTTP error, network error, timeout, cancelled, dropped), then by message. */
export function errorTables(run: Summary): string {
  const r = run.requests ?? ({} as Partial<Summary['requests']>);
  const kinds: Array<[string, unknown]> = [
    ['HTTP error answers', r.httpErrors],
    ['network errors', r.errors],
    ['timeouts', r.timeouts],
    ['cancelled at the end', r.cancelled],
    ['dropped (open model, maxInFlight)', r.dropped],
  ];
  const kindRows = kinds
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([k, n]) => [e(k), num(n, 0)]);
  const messageRows = (run.errors ?? []).map((x) => [
    `<code>${e(x.message)}</code>`,
    num(x.count, 0),
  ]);
  return (
    table('Errors by kind', ['kind', 'requests'], kindRows, 'numeric') +
    table('Error messages', ['message', 'count'], messageRows, 'numeric')
  );
}

/** The run's warnings (event-loop lag, late sends, ...) as a list. */
export function warningsList(warnings: readonly string[] | undefined): string {
  if (!warnings || warnings.length === 0) return '';
  return `<div class="warnings"><h5>Warnings</h5><ul>${warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></div>`;
}
