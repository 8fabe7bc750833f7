#!/usr/bin/env node
/**
 * `vitest-stress <command>`: generate payloads, run a load test without writing a spec, build the
 * HTML report, or merge split results.
 */
import { generateCommand } from './generate.js';

const USAGE = `usage: vitest-stress <command> [flags]

commands:
  generate   write synthetic credit records   (vitest-stress generate --help)
  run        load a service, print the result  (vitest-stress run --help)
  report     HTML report from a perf-results.json (vitest-stress report --help)
  merge      merge split results, re-judge SLAs (vitest-stress merge --help)
  metrics    export PromQL answers as JSON/CSV (vitest-stress metrics --help)
  alerts     print the seed's alert rule file  (vitest-stress alerts export --help)
  dashboard  print the seed's Grafana dashboard (vitest-stress dashboard --help)
  chaos      load through a fault proxy, judge resilience (vitest-stress chaos --help)
  history    store runs, find change points across them (vitest-stress history --help)
  capacity   find the breaking point and what limited it (vitest-stress capacity --help)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      return generateCommand(rest);
    case 'run': {
      const { runCommand } = await import('./run.js');
      return runCommand(rest);
    }
    case 'report': {
      const { reportCommand } = await import('./report.js');
      return reportCommand(rest);
    }
    case 'merge': {
      const { mergeCommand } = await import('./merge.js');
      return mergeCommand(rest);
    }
    case 'metrics': {
      const { metricsCommand } = await import('./metrics.js');
      return metricsCommand(rest);
    }
    case 'alerts': {
      const { alertsCommand } = await import('./alerts.js');
      return alertsCommand(rest);
    }
    case 'dashboard': {
      const { dashboardCommand } = await import('./dashboard.js');
      return dashboardCommand(rest);
    }
    case 'chaos': {
      const { chaosCommand } = await import('./chaos.js');
      return chaosCommand(rest);
    }
    case 'capacity': {
      const { capacityCommand } = await import('./capacity.js');
      return capacityCommand(rest);
    }
    case 'history': {
      const { historyCommand } = await import('./history.js');
      return historyCommand(rest);
    }
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`vitest-stress: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vitest-stress: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
