import type { RunMeta } from '../contracts/meta.js';
import type { ErrorCount } from '../contracts/run-result.js';

// The journeys and steps tables of a journey run's result block.

type Journey = NonNullable<RunMeta['journeys']>[string];

/** A reason longer than this is cut, with '…': the table is read in a terminal. */
const REASON_CHARS = 48;

function ms(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(1);
}

function shorten(reason: string): string {
  return reason.length > REASON_CHARS ? `${reason.slice(0, REASON_CHARS - 1)}…` : reason;
}

/**
 * The step a journey error names: its messages read '<step>: <reason>' (the engine's form), so the
 * longest failing step whose name and ': ' begin the message (a step's name may hold ': ' too).
 */
function stepOf(message: string, steps: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const step of steps)
    if (message.startsWith(`${step}: `) && (found === undefined || step.length > found.length))
      found = step;
  return found;
}

/** 'pay ×15 (check failed: status is not paid ×12); login ×5 (HTTP 503 ×5)', or '-'. */
export function failedAtText(journey: Pick<Journey, 'failedAt' | 'errors'>): string {
  const steps = Object.keys(journey.failedAt);
  // errors are most frequent first: the first one of a step is its most common reason.
  const top = new Map<string, ErrorCount>();
  for (const error of journey.errors ?? []) {
    const step = stepOf(error.message, steps);
    if (step !== undefined && !top.has(step)) top.set(step, error);
  }
  const parts = Object.entries(journey.failedAt).map(([step, count]) => {
    const why = top.get(step);
    const reason = why && shorten(why.message.slice(step.length + 2));
    return why ? `${step} ×${count} (${reason} ×${why.count})` : `${step} ×${count}`;
  });
  return parts.join('; ') || '-';
}

/** Rows padded to columns, each line indented by `indent`. */
function table(indent: string, rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
  );
}

/**
 * The journeys table (started, completed, failed at which step, ...) and the steps table of a run;
 * [] for other runs.
 */
export function journeyTables(run: RunMeta): string[] {
  const journeys = run.journeys;
  const steps = run.steps;
  if (!journeys || !steps) return [];
  const journeyRows = [
    [
      'journey',
      'started',
      'completed',
      'failed',
      'cancelled',
      'not started',
      'p50',
      'p95',
      'p99 ms',
      'failed at (most common reason)',
    ],
    ...Object.entries(journeys).map(([name, j]) => [
      name,
      String(j.started),
      String(j.completed),
      String(j.failed),
      String(j.cancelled),
      String(j.notStarted),
      ms(j.latency.p50),
      ms(j.latency.p95),
      ms(j.latency.p99),
      failedAtText(j),
    ]),
  ];
  const stepRows = [
    [
      'step',
      'sent',
      'ok',
      'failed',
      'cancelled',
      'skipped',
      'p50',
      'p95',
      'p99 ms',
      'check failures',
    ],
    ...Object.entries(steps).map(([name, s]) => [
      name,
      String(s.requests.total),
      String(s.requests.ok),
      String(s.requests.failed),
      String(s.requests.cancelled),
      String(s.skipped),
      ms(s.latency.p50),
      ms(s.latency.p95),
      ms(s.latency.p99),
      s.checkFailures ? String(s.checkFailures.reduce((n, x) => n + x.count, 0)) : 'n/a',
    ]),
  ];
  return ['  Journeys:', ...table('    ', journeyRows), '  Steps:', ...table('    ', stepRows)];
}
