import type { RunSummary } from '../contracts/run-result.js';
import { formatPercent } from '../format/message.js';
import { formatDurationMs } from '../options/duration.js';

/** The context in a failure message: '(n=5000, 10 users, 30 s, 0.4% errors)'. */
export function describeRun(summary: RunSummary, count = summary.latency.count): string {
  const parts = [`n=${count}`];
  if (summary.users > 0) parts.push(`${summary.users} user${summary.users === 1 ? '' : 's'}`);
  parts.push(formatDurationMs(summary.durationMs));
  parts.push(`${formatPercent(summary.errorRate)} errors`);
  return parts.join(', ');
}

/** Requests that finished (answered, failed or timed out): the sample of rate matchers. */
export function finishedCount(summary: RunSummary): number {
  return summary.requests.ok + summary.requests.failed;
}
