import type { RunMeta, SlaVerdict } from '../../contracts/meta.js';
import { round3, type ChartBand, type ChartSpec, type ChartThreshold } from './chart-spec.js';
import { OKABE_ITO } from './palette.js';
import { finite, type ThinRow } from './thin.js';

/** What the load charts of one run share: its id prefix, thinned rows, x, start and bands. */
export interface RunFrame {
  id: string;
  rows: ThinRow[];
  x: number[];
  startMs: number;
  bucketS: number;
  /** The run's span on the x axis, seconds. */
  xRange: [number, number];
  bands: ChartBand[];
}

const LATENCY_MATCHERS = new Map([
  ['toHaveP50Below', 'p50'],
  ['toHaveP95Below', 'p95'],
  ['toHaveP99Below', 'p99'],
  ['toHavePercentileBelow', 'percentile'],
]);

/** p50/p95/p99 per second (the worst second of each bucket when thinned), with latency SLA lines. */
export function latencyChart(
  frame: RunFrame,
  run: RunMeta,
  verdicts: readonly SlaVerdict[],
): ChartSpec {
  const pick = (f: (r: ThinRow) => number | null) => frame.rows.map((r) => round3(f(r)));
  const thresholds: ChartThreshold[] = [];
  for (const v of verdicts) {
    const which = LATENCY_MATCHERS.get(v.matcher);
    const limit = finite(v.threshold);
    if (!which || v.unit !== 'ms' || limit === null) continue;
    thresholds.push({
      value: limit,
      label: `SLA ${which}${v.negated ? ' not' : ''} < ${limit} ms${v.subject ? ` (${v.subject})` : ' (whole run)'}`,
    });
  }
  return {
    ...frameOf(frame, 'latency'),
    title: 'Latency of successful responses',
    unit: 'ms',
    series: [
      { label: 'p50', color: OKABE_ITO.blue, dash: [], values: pick((r) => r.p50Ms) },
      { label: 'p95', color: OKABE_ITO.orange, dash: [6, 3], values: pick((r) => r.p95Ms) },
      { label: 'p99', color: OKABE_ITO.vermillion, dash: [2, 2], values: pick((r) => r.p99Ms) },
    ],
    thresholds,
    note:
      `${run.measured}. ` +
      `${frame.bucketS > 1 ? `Each point is the worst second of ${frame.bucketS} s.` : 'One point per second.'}`,
  };
}

/** Finished requests, failures and timeouts per second (and sends, for the open model's schedule). */
export function throughputChart(frame: RunFrame): ChartSpec {
  const pick = (f: (r: ThinRow) => number) => frame.rows.map((r) => round3(f(r)));
  return {
    ...frameOf(frame, 'throughput'),
    title: 'Throughput and errors',
    unit: 'req/s',
    series: [
      {
        label: 'finished',
        color: OKABE_ITO.bluishGreen,
        dash: [],
        values: pick((r) => r.requestsPerS),
      },
      { label: 'sent', color: OKABE_ITO.skyBlue, dash: [6, 3], values: pick((r) => r.sentPerS) },
      {
        label: 'failed',
        color: OKABE_ITO.vermillion,
        dash: [2, 2],
        values: pick((r) => r.errorsPerS),
      },
      {
        label: 'timeouts',
        color: OKABE_ITO.reddishPurple,
        dash: [8, 3, 2, 3],
        values: pick((r) => r.timeoutsPerS),
      },
    ],
    thresholds: [],
    note:
      frame.bucketS > 1
        ? `Per-second averages over ${frame.bucketS} s buckets.`
        : 'Failed counts HTTP errors, network errors and timeouts.',
  };
}

/** Active users (closed model) or target rate (open model), and requests in flight. */
export function usersChart(frame: RunFrame, run: RunMeta): ChartSpec {
  const open = run.model === 'open';
  return {
    ...frameOf(frame, 'users'),
    title: open ? 'Target rate and requests in flight' : 'Active users and requests in flight',
    unit: open ? 'req/s · requests' : 'users · requests',
    series: [
      {
        label: open ? 'target rate (req/s)' : 'users',
        color: OKABE_ITO.blue,
        dash: [],
        values: frame.rows.map((r) => r.users),
      },
      {
        label: 'in flight (requests)',
        color: OKABE_ITO.orange,
        dash: [6, 3],
        values: frame.rows.map((r) => r.inFlight),
      },
    ],
    thresholds: [],
    note:
      frame.bucketS > 1
        ? `Highest value in each ${frame.bucketS} s bucket.`
        : 'Value at the end of each second.',
  };
}

/** The fields every chart of a run shares. */
export function frameOf(
  frame: RunFrame,
  name: string,
): Pick<ChartSpec, 'id' | 'x' | 'startMs' | 'bucketS' | 'xRange' | 'bands'> {
  return {
    id: `${frame.id}-${name}`,
    x: frame.x,
    startMs: frame.startMs,
    bucketS: frame.bucketS,
    xRange: frame.xRange,
    bands: frame.bands,
  };
}
