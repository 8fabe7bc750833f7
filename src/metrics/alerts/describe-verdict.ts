import type { AlertVerdict } from './evaluate.js';
import { formatAlertValue } from './rule.js';

/**
 * One line per verdict that is not ok: which rule fired, when, for how long and how high, or
 * why it had no data. E.g. `✗ EthixErrorRateCritical (critical) fired at 12 s for 8 s: ...`.
 */
export function describeVerdict(verdict: AlertVerdict): string {
  const { rule } = verdict;
  const head = `${rule.name} (${rule.severity}, ${rule.summary})`;
  if (verdict.status === 'no-data') return `? ${head}: no data — ${verdict.noData}`;
  const limit = formatAlertValue(rule.threshold, rule.unit);
  if (verdict.status === 'ok') {
    const peak = verdict.peak === null ? 'n/a' : formatAlertValue(verdict.peak, rule.unit);
    return `✓ ${head}: ok, peak ${peak} (threshold ${limit}, ${verdict.evaluations} evaluations)`;
  }
  const fired = verdict.episodes.filter((e) => e.firingAtS !== undefined);
  const parts = fired.map((e) => {
    const until =
      e.resolvedAtS === undefined ? 'still firing at the end' : `resolved at ${e.resolvedAtS} s`;
    return (
      `fired at ${e.firingAtS} s for ${e.firingForS} s (pending from ${e.pendingAtS} s, ` +
      `${until}; peak ${formatAlertValue(e.peak, rule.unit)} > ${limit})`
    );
  });
  return `✗ ${head}: ${parts.join('; ')} [for ${verdict.forS} s]`;
}
