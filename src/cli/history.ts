import type { CommandIo } from './generate.js';

const USAGE = `usage: vitest-stress history <add|check> [flags]

  add     append a run (a perf-results.json) to a history store  (vitest-stress history add --help)
  check   change points across the stored runs; exit 1 on a lasting regression (history check --help)`;

/** `vitest-stress history <subcommand>`: returns the exit code. */
export async function historyCommand(argv: string[], io: CommandIo = process): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'add') return (await import('./history-add.js')).historyAddCommand(rest, io);
  if (sub === 'check') return (await import('./history-check.js')).historyCheckCommand(rest, io);
  if (sub === '-h' || sub === '--help') return (io.stdout.write(`${USAGE}\n`), 0);
  io.stderr.write(
    `vitest-stress history: unknown subcommand ${sub === undefined ? '(none)' : `"${sub}"`}\n${USAGE}\n`,
  );
  return 2;
}
