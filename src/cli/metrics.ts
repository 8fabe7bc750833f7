import { parseArgs } from 'node:util';
import { InvalidOptionError, StressError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { collectMetrics, type CollectOptions } from '../metrics/prometheus/collect.js';
import { metricsToCsv, metricsToJson } from '../metrics/prometheus/format.js';
import { DEFAULT_JOBS, SEED_QUERY_NAMES, type PromQuery } from '../metrics/prometheus/queries.js';
import type { CommandIo } from './generate.js';

const USAGE = `usage: vitest-stress metrics --prometheus <url> [flags]

Runs PromQL queries over Prometheus' HTTP API (the seed's collect_metrics.py) and writes the
answers as JSON or CSV (by the --output extension; CSV has one row per timestamp and series).
Exit code: 0 written, 1 a query failed (the message names it) or every query returned no series
(written, with a warning: wrong job labels or time range?), 2 bad flags.

  --prometheus <url>     Prometheus base URL, e.g. http://127.0.0.1:9090          required
  --mode instant|range   one value per series, or points over a range             default instant
  --time <t>             instant mode: ISO 8601 time or unix seconds              default now
  --start <t>            range mode: ISO 8601 time or unix seconds
  --end <t>              range mode: ISO 8601 time or unix seconds                default now
  --since <d>            range mode: instead of --start, a duration back ('10m')
  --step <d>             range mode: resolution ('5s')                            default 15s
  --query <name>         a built-in query, repeatable: ${SEED_QUERY_NAMES.join(', ')}
                         (default: all of them)
  --expr <name=promql>   a query of your own, repeatable
  --backend-job <job>    job label of the backend in the built-in queries     default ${DEFAULT_JOBS.backend}
  --ai-core-job <job>    job label of the AI core in the built-in queries     default ${DEFAULT_JOBS.aiCore}
  --output <file>        .json or .csv, written atomically                        default: JSON on stdout
  --timeout <ms>         per-query timeout                                        default 10000`;

const FLAGS = {
  prometheus: { type: 'string' },
  mode: { type: 'string' },
  time: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  since: { type: 'string' },
  step: { type: 'string' },
  query: { type: 'string', multiple: true },
  expr: { type: 'string', multiple: true },
  output: { type: 'string' },
  timeout: { type: 'string' },
  'backend-job': { type: 'string' },
  'ai-core-job': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** collectMetrics option → the flag that sets it, for messages. */
const FLAG_OF = new Map([
  ['prometheusUrl', 'prometheus'],
  ['timeoutMs', 'timeout'],
  ['queries', 'query'],
]);

/** '1796032800' → unix seconds; anything else is passed on as an ISO string to be checked. */
function timeFlag(value: string | undefined): string | number | undefined {
  return value !== undefined && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** --expr name=promql → { name, expr }; throws naming the flag. */
function userQuery(text: string): PromQuery {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InvalidOptionError('--expr', text, 'name=PromQL, e.g. upCount=sum(up)');
  return { name: text.slice(0, eq), expr: text.slice(eq + 1) };
}

const JOB = /^[A-Za-z0-9_.:-]+$/;

/** --backend-job / --ai-core-job → seedQueries' job labels; throws naming the flag. */
function jobLabels(backendJob: string | undefined, aiCoreJob: string | undefined) {
  for (const [flag, job] of [
    ['backend-job', backendJob],
    ['ai-core-job', aiCoreJob],
  ] as const) {
    if (job !== undefined && !JOB.test(job))
      throw new InvalidOptionError(flag, job, 'a job label of letters, digits, _ . : -');
  }
  if (backendJob === undefined && aiCoreJob === undefined) return undefined;
  return {
    ...(backendJob === undefined ? {} : { backendJob }),
    ...(aiCoreJob === undefined ? {} : { aiCoreJob }),
  };
}

/** Flags → collectMetrics options and the output format; throws InvalidOptionError naming the flag. */
function optionsFrom(values: ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>['values']): {
  options: CollectOptions;
  format: 'json' | 'csv';
} {
  if (values.prometheus === undefined)
    throw new InvalidOptionError('--prometheus', undefined, 'a Prometheus base URL (required)');
  const output = values.output;
  const format =
    output === undefined || /\.json$/i.test(output)
      ? 'json'
      : /\.csv$/i.test(output)
        ? 'csv'
        : undefined;
  if (!format)
    throw new InvalidOptionError('--output', output, 'a file name ending in .json or .csv');
  const queries = [...(values.query ?? []), ...(values.expr ?? []).map(userQuery)];
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  const options: CollectOptions = {
    prometheusUrl: values.prometheus,
    mode: values.mode as CollectOptions['mode'],
    time: timeFlag(values.time),
    start: timeFlag(values.start),
    end: timeFlag(values.end),
    since: values.since,
    step: values.step,
    timeoutMs,
    ...(queries.length ? { queries } : {}),
    seed: jobLabels(values['backend-job'], values['ai-core-job']),
  };
  for (const key of Object.keys(options) as Array<keyof CollectOptions>)
    if (options[key] === undefined) delete options[key];
  return { options, format };
}

/** `vitest-stress metrics ...`: returns the exit code (0 written, 1 a query failed, 2 bad flags). */
export async function metricsCommand(argv: string[], io: CommandIo = process): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    io.stderr.write(`vitest-stress metrics: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let collected;
  let format: 'json' | 'csv';
  try {
    const parsed = optionsFrom(values);
    format = parsed.format;
    collected = await collectMetrics(parsed.options);
  } catch (error) {
    if (
      error instanceof InvalidOptionError ||
      (error instanceof StressError && error.code === 'ERR_STRESS_UNKNOWN_OPTION')
    ) {
      const message = error.message.replace(
        /^invalid option "([^"[]+)/,
        (_m, field: string) => `invalid option "--${FLAG_OF.get(field) ?? field}`,
      );
      io.stderr.write(`vitest-stress metrics: ${message}\n\n${USAGE}\n`);
      return 2;
    }
    if (!(error instanceof StressError)) throw error;
    io.stderr.write(`vitest-stress metrics: ${error.code}: ${error.message}\n`);
    return 1;
  }
  const text = format === 'csv' ? metricsToCsv(collected) : metricsToJson(collected);
  if (values.output === undefined) io.stdout.write(text);
  else {
    await writeFileAtomic(values.output, text);
    const points = collected.queries.reduce(
      (n, q) => n + q.series.reduce((m, s) => m + s.points.length, 0),
      0,
    );
    io.stdout.write(
      `${collected.queries.length} queries, ${points} points written to ${values.output}\n`,
    );
  }
  if (collected.queries.every((q) => q.series.length === 0)) {
    io.stderr.write(
      emptyWarning(collected.queries.length, values['backend-job'], values['ai-core-job']),
    );
    return 1;
  }
  return 0;
}

/** The warning when no query returned a series: the job labels the built-in queries used. */
function emptyWarning(queries: number, backendJob?: string, aiCoreJob?: string): string {
  const backend = backendJob ?? DEFAULT_JOBS.backend;
  const aiCore = aiCoreJob ?? DEFAULT_JOBS.aiCore;
  return (
    `vitest-stress metrics: warning: all ${queries} queries returned no series. The built-in ` +
    `queries select job="${backend}" (backend) and job="${aiCore}" (AI core); if your ` +
    `Prometheus scrapes them under other job labels, pass --backend-job and --ai-core-job. ` +
    `Also check the time range and that Prometheus has scraped the service.\n`
  );
}
