import { parseArgs } from 'node:util';
import { MergeError } from '../errors.js';
import { mergeSplitResults, writeMergedReports, type MergeOutcome } from '../merge/merge-splits.js';
import { summaryText } from '../reporters/summary-text.js';
import type { CommandIo } from './generate.js';

const USAGE = `usage: vitest-stress merge <split perf-results.json>... -o <dir>

Merges the perf-results.json of every split of a load (runs made with STRESS_SPLIT=i/n) into
the results of the whole: HDR histograms added, counts summed, every provisional SLA re-judged
on the merged figures. Writes <dir>/perf-results.json and <dir>/junit.xml.
Exit code: 0 every SLA held, 1 an SLA was breached, 2 bad flags, 3 a split is missing,
duplicated or failed (named in the message; nothing is written).

  -o, --out <dir>   where to write the merged reports                    default merged`;

const FLAGS = {
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `vitest-stress merge shard-*\/perf-results.json -o merged/`: returns the exit code. */
export async function mergeCommand(argv: string[], io: CommandIo = process): Promise<number> {
  let values: { out?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: FLAGS,
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    io.stderr.write(`vitest-stress merge: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr.write(`vitest-stress merge: no perf-results.json files given\n\n${USAGE}\n`);
    return 2;
  }
  let outcome: MergeOutcome;
  try {
    outcome = await mergeSplitResults(positionals);
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    io.stderr.write(`vitest-stress merge: ${error.message}\n`);
    return 3;
  }
  const dir = values.out ?? 'merged';
  await writeMergedReports(outcome, dir);
  io.stdout.write(
    `${describeOutcome(outcome)}\nmerged reports written to ${dir}/perf-results.json and ${dir}/junit.xml\n`,
  );
  return outcome.breaches.length > 0 ? 1 : 0;
}

function describeOutcome(outcome: MergeOutcome): string {
  const { results, breaches } = outcome;
  const sources = results.splits.map((s) => `${s.index} (${s.path})`).join(', ');
  const verdict =
    breaches.length > 0
      ? `${breaches.length} SLA breach${breaches.length > 1 ? 'es' : ''} on the whole load`
      : 'every SLA held on the whole load';
  return `merged ${results.splits.length} splits: ${sources}\n${summaryText(results.tests)}\n${verdict}`;
}
