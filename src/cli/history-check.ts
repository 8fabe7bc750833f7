import type { CommandIo } from './generate.js';
import { InvalidOptionError, StressError } from '../errors.js';
import { describeVerdict } from '../history/describe-verdict.js';
import { seriesOf, type HistoryMetric } from '../history/history-series.js';
import { readStore } from '../history/history-store.js';
import { isFileStore } from '../history/history-file-store.js';
import { judgeSeries, type JudgeOptions } from '../history/judge-series.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { buildTrendPage } from '../reporters/trend/trend-page.js';
import { parseCount, parseHistoryArgs, parseMetrics, parseTolerance } from './history-flags.js';

export const CHECK_USAGE = `usage: vitest-stress history check --store <dir|file.jsonl> \
[--metric p95] [--tolerance 10%] [--quiet-runs 2] [--recent-runs 20] [--html <trend.html>]

Finds change points (E-divisive with a Student t-test, as Hunter/Apache Otava) in every series
(test × load × metric) among the runs with the newest run's machine fingerprint and profile,
and prints each with its commit, the levels before/after with 95% intervals, size and p-value.

  --metric <m>        p50 | p95 | p99 | errorRate | throughput, comma-separated   default p95
  --tolerance <pct>   a change this large in the bad direction is a regression      default 10%
  --quiet-runs <n>    runs a regression must have lasted before it fails            default 2
  --recent-runs <n>   only change points among the newest n runs fail               default 20
  --html <file>       also write the trend page (self-contained HTML, written whole)

Exit code: 0 no lasting regression, 1 a regression (or creep) past the tolerance or an
unwritable --html file, 2 bad flags.`;

const FLAGS = {
  store: { type: 'string' },
  metric: { type: 'string' },
  tolerance: { type: 'string' },
  'quiet-runs': { type: 'string' },
  'recent-runs': { type: 'string' },
  html: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const VALUES = {
  store: 'a store: a directory or a .jsonl file',
  metric: 'p50 | p95 | p99 | errorRate | throughput, comma-separated',
  tolerance: 'a positive percentage such as 10%',
  'quiet-runs': 'a whole number >= 1',
  'recent-runs': 'a whole number >= 1',
  html: 'a file to write the trend page to',
};

interface CheckFlags {
  help?: boolean;
  store: string;
  metrics: HistoryMetric[];
  options: JudgeOptions;
  html?: string;
}

/** Parse and check `history check`'s argv; throws a coded StressError naming the flag. */
export function parseCheckFlags(argv: string[]): CheckFlags {
  const { values, positionals } = parseHistoryArgs('history check', argv, FLAGS, VALUES);
  if (values.help) return { help: true, store: '', metrics: [], options: {} };
  if (positionals.length > 0)
    throw new InvalidOptionError('argument', positionals[0], 'flags only (no file arguments)');
  if (!values.store)
    throw new InvalidOptionError('--store', undefined, `${VALUES.store} (required)`);
  isFileStore(values.store); // a .json store is refused here: exit 2
  return {
    store: values.store,
    metrics: parseMetrics(values.metric),
    options: {
      tolerance: values.tolerance === undefined ? 0.1 : parseTolerance(values.tolerance),
      quietRuns: parseCount('--quiet-runs', values['quiet-runs'], 2),
      recentRuns: parseCount('--recent-runs', values['recent-runs'], 20),
    },
    ...(values.html !== undefined ? { html: values.html } : {}),
  };
}

/** `vitest-stress history check --store perf-history`: returns the exit code. */
export async function historyCheckCommand(
  argv: string[],
  io: CommandIo = process,
): Promise<number> {
  let flags: CheckFlags;
  try {
    flags = parseCheckFlags(argv);
  } catch (error) {
    if (!(error instanceof StressError)) throw error;
    io.stderr.write(
      `vitest-stress history check: ${error.message} [${error.code}]\n\n${CHECK_USAGE}\n`,
    );
    return 2;
  }
  if (flags.help) return (io.stdout.write(`${CHECK_USAGE}\n`), 0);
  const { store, metrics, options } = flags;
  const { records, warnings } = await readStore(store);
  for (const w of warnings) io.stderr.write(`vitest-stress history check: warning: ${w}\n`);
  const verdicts = metrics.flatMap((m) => seriesOf(records, m).map((s) => judgeSeries(s, options)));
  for (const v of verdicts) io.stdout.write(`${describeVerdict(v)}\n`);
  const failing = verdicts.filter((v) => v.state === 'regression').length;
  const tolerance = Math.round((options.tolerance ?? 0.1) * 1000) / 10;
  io.stdout.write(
    `vitest-stress history check: ${records.length} runs in ${store}, ${verdicts.length} series, ` +
      `${failing} with a lasting regression past ${tolerance}%\n`,
  );
  if (flags.html !== undefined) {
    try {
      await writeFileAtomic(flags.html, buildTrendPage({ store, runs: records.length, verdicts }));
    } catch (error) {
      if (!(error instanceof StressError)) throw error;
      io.stderr.write(`vitest-stress history check: ${error.message} [${error.code}]\n`);
      return 1;
    }
    io.stdout.write(`vitest-stress history check: trend page → ${flags.html}\n`);
  }
  return failing > 0 ? 1 : 0;
}
