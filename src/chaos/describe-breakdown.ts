import type { RunSummary } from '../contracts/run-result.js';
import type { FaultBreakdown } from '../contracts/fault-breakdown.js';

/**
 * The failure breakdown in one line for matcher messages: what the client saw, what the proxy
 * injected and what no fault explains. Without a faults section, the client's counts only.
 */
export function describeBreakdown(summary: RunSummary, faults: FaultBreakdown | undefined): string {
  const r = summary.requests;
  if (!faults) {
    return (
      `failure breakdown: timeouts ${r.timeouts}, network errors ${r.errors}, HTTP errors ` +
      `${r.httpErrors}${describeStatuses(summary.statusCodes)} (no faults section: add one ` +
      'with withFaults(result, proxy))'
    );
  }
  const s = faults.summary;
  const injected = Object.entries(faults.injected)
    .filter(([name]) => name !== 'none')
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  const u = faults.unexplained;
  const unexplained =
    u.total === 0
      ? 'none'
      : `${u.total} (timeouts ${u.timeouts}, network errors ${u.errors}${describeStatuses(u.statusCodes)})`;
  return [
    `failure breakdown: timeouts ${s.timeouts}, network errors ${s.networkErrors}, slow ` +
      `responses ${s.slowResponses}, server errors ${s.serverErrors}, client errors ` +
      `${s.clientErrors}`,
    `injected: ${injected || 'nothing'}`,
    `not explained by an injected fault: ${unexplained}`,
    `join ${faults.join.exact ? 'exact' : `not exact (${describeJoinGaps(faults)})`}`,
  ].join('; ');
}

function describeStatuses(statusCodes: Record<string, number>): string {
  const errors = Object.entries(statusCodes).filter(([code]) => Number(code) >= 400);
  return errors.length ? `, status ${errors.map(([code, n]) => `${code}×${n}`).join(' ')}` : '';
}

function describeJoinGaps({ join }: FaultBreakdown): string {
  const gaps: string[] = [];
  if (join.answeredNotLogged) gaps.push(`${join.answeredNotLogged} answered but not logged`);
  if (join.logOnly) gaps.push(`${join.logOnly} logged but not in the ledger`);
  if (join.unidentified) gaps.push(`${join.unidentified} without a request id`);
  return gaps.join(', ');
}
