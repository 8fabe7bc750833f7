import {
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  summarizeLatency,
} from '../histogram/latency-histogram.js';
import type { ErrorCount, RequestCounts, RunSummary } from '../contracts/run-result.js';

/** A summary as the reports carry it: the histogram may be missing (parts of a run that was not split). */
export type PartSummary = Omit<RunSummary, 'histogram'> & { histogram?: string };

const COUNT_KEYS = [
  'total',
  'ok',
  'failed',
  'httpErrors',
  'errors',
  'timeouts',
  'cancelled',
  'dropped',
] as const;

/** Add request counts field by field. */
export function sumCounts(parts: ReadonlyArray<{ requests: RequestCounts }>): RequestCounts {
  const sum: RequestCounts = {
    total: 0,
    ok: 0,
    failed: 0,
    httpErrors: 0,
    errors: 0,
    timeouts: 0,
    cancelled: 0,
    dropped: 0,
  };
  for (const part of parts) for (const key of COUNT_KEYS) sum[key] += part.requests[key];
  return sum;
}

/** Add responses by status code. */
export function sumStatusCodes(
  parts: ReadonlyArray<{ statusCodes: Record<string, number> }>,
): Record<string, number> {
  const sum = new Map<string, number>();
  for (const part of parts)
    for (const [code, n] of Object.entries(part.statusCodes))
      sum.set(code, (sum.get(code) ?? 0) + n);
  return Object.fromEntries([...sum].sort(([a], [b]) => a.localeCompare(b)));
}

/** Add error counts by message, most frequent first (as the recorder orders them). */
export function sumErrors(parts: ReadonlyArray<{ errors: ErrorCount[] }>): ErrorCount[] {
  const sum = new Map<string, number>();
  for (const part of parts)
    for (const { message, count } of part.errors) sum.set(message, (sum.get(message) ?? 0) + count);
  return [...sum]
    .map(([message, count]) => ({ message, count }))
    .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message));
}

/**
 * Add the parts' HDR histograms (exact: bucket counts are summed, no percentile is averaged).
 * Undefined when a part has none (then merged latency cannot be known).
 */
export function addHistograms(encoded: ReadonlyArray<string | undefined>): string | undefined {
  if (encoded.some((h) => typeof h !== 'string')) return undefined;
  const sum = createLatencyHistogram();
  for (const h of encoded as string[]) sum.add(decodeHistogram(h));
  return encodeHistogram(sum);
}

/**
 * Merge the same slice (whole run, scenario or phase) of every split into one summary over
 * `durationMs` of wall time: counts, status codes and errors summed, histograms added,
 * latency, error rate and throughput computed again from the sums, users added (each split's peak).
 */
export function mergeSummaries(parts: ReadonlyArray<PartSummary>, durationMs: number): PartSummary {
  const requests = sumCounts(parts);
  const finished = requests.ok + requests.failed;
  const histogram = addHistograms(parts.map((p) => p.histogram));
  return {
    latency: histogram ? summarizeLatency(decodeHistogram(histogram)) : unknownLatency(parts),
    requests,
    errorRate: finished > 0 ? requests.failed / finished : requests.total > 0 ? 1 : 0,
    throughput: durationMs > 0 ? Math.round((finished / (durationMs / 1000)) * 100) / 100 : 0,
    statusCodes: sumStatusCodes(parts),
    errors: sumErrors(parts),
    durationMs: Math.round(durationMs),
    users: parts.reduce((n, p) => n + p.users, 0),
    ...(histogram ? { histogram } : {}),
  };
}

/** Without histograms, merged percentiles are unknown: only the sample count is kept. */
function unknownLatency(parts: ReadonlyArray<PartSummary>): PartSummary['latency'] {
  const count = parts.reduce((n, p) => n + p.latency.count, 0);
  return {
    count,
    min: null,
    mean: null,
    stddev: null,
    p50: null,
    p75: null,
    p90: null,
    p95: null,
    p99: null,
    p999: null,
    max: null,
  };
}
