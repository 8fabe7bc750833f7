import type { RunMeta } from '../contracts/meta.js';

// The journeys and steps tables of a journey run's result block.

function ms(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(1);
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
      'failed at',
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
      Object.entries(j.failedAt)
        .map(([step, count]) => `${step} ×${count}`)
        .join(', ') || '-',
    ]),
  ];
  const stepRows = [
    ['step', 'sent', 'ok', 'failed', 'cancelled', 'skipped', 'p50', 'p95', 'p99 ms'],
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
    ]),
  ];
  return ['  Journeys:', ...table('    ', journeyRows), '  Steps:', ...table('    ', stepRows)];
}
