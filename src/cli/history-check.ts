import { parseArgs } from 'node:util';
import type { CommandIo } from './generate.js';
import { describeVerdict } from '../history/describe-verdict.js';
import { HISTORY_METRICS, seriesOf, type HistoryMetric } from '../history/history-series.js';
import { readStore } from '../history/history-store.js';
import { judgeSeries, type JudgeOptions } from '../history/judge-series.js';

export const CHECK_USAGE = `usage: vitest-stress history check --store <dir> [--metric p95] \
[--tolerance 10%] [--quiet-runs 2] [--recent-runs 20]

Finds change points (E-divisive with a Student t-test, as Hunter/Apache Otava) in every series
(test × load × metric) among the runs with the newest run's machine fingerprint and profile,
and prints each with its commit, the levels before/after with 95% intervals, size and p-value.

  --metric <m>        p50 | p95 | p99 | errorRate | throughput, comma-separated   default p95
  --tolerance <pct>   a change this large in the bad direction is a regression      default 10%
  --quiet-runs <n>    runs a regression must have lasted before it fails            default 2
  --recent-runs <n>   only change points among the newest n runs fail               default 20

Exit code: 0 no lasting regression, 1 a regression (or creep) past the tolerance, 2 bad flags.`;

const FLAGS = {
  store: { type: 'string' },
  metric: { type: 'string' },
  tolerance: { type: 'string' },
  'quiet-runs': { type: 'string' },
  'recent-runs': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseTolerance(text: string): number {
  const match = /^\+?(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (!match || !(Number(match[1]) > 0))
    throw new Error(`--tolerance must be a positive percentage like 10%, got "${text}"`);
  return Number(match[1]) / 100;
}

function parseCount(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^[1-9]\d*$/.test(text))
    throw new Error(`${flag} must be a whole number >= 1, got "${text}"`);
  return Number(text);
}

function parseMetrics(text = 'p95'): HistoryMetric[] {
  const metrics = text.split(',').map((m) => m.trim());
  const bad = metrics.find((m) => !(HISTORY_METRICS as readonly string[]).includes(m));
  if (bad !== undefined)
    throw new Error(`--metric must be ${HISTORY_METRICS.join(' | ')}, got "${bad}"`);
  return metrics as HistoryMetric[];
}

/** `vitest-stress history check --store perf-history`: returns the exit code. */
export async function historyCheckCommand(
  argv: string[],
  io: CommandIo = process,
): Promise<number> {
  let store: string;
  let metrics: HistoryMetric[];
  let options: JudgeOptions;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: FLAGS,
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return (io.stdout.write(`${CHECK_USAGE}\n`), 0);
    if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
    if (!values.store) throw new Error('--store <dir> is required');
    store = values.store;
    metrics = parseMetrics(values.metric);
    options = {
      tolerance: values.tolerance === undefined ? 0.1 : parseTolerance(values.tolerance),
      quietRuns: parseCount('--quiet-runs', values['quiet-runs'], 2),
      recentRuns: parseCount('--recent-runs', values['recent-runs'], 20),
    };
  } catch (error) {
    io.stderr.write(`vitest-stress history check: ${(error as Error).message}\n\n${CHECK_USAGE}\n`);
    return 2;
  }
  const { records, warnings } = await readStore(store);
  for (const w of warnings) io.stderr.write(`vitest-stress history check: warning: ${w}\n`);
  const verdicts = metrics.flatMap((m) => seriesOf(records, m).map((s) => judgeSeries(s, options)));
  for (const v of verdicts) io.stdout.write(`${describeVerdict(v)}\n`);
  const failing = verdicts.filter((v) => v.state === 'regression').length;
  io.stdout.write(
    `vitest-stress history check: ${records.length} runs in ${store}, ${verdicts.length} ` +
      `series, ${failing} with a lasting regression past ` +
      `${Math.round((options.tolerance ?? 0.1) * 1000) / 10}%\n`,
  );
  return failing > 0 ? 1 : 0;
}
