import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { StressError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { buildHtmlReport } from '../reporters/html/page.js';
import { readPerfResults } from '../reporters/html/read-report.js';
import type { CommandIo } from './generate.js';

const USAGE = `usage: vitest-stress report <perf-results.json> [-o <file>]

Builds the HTML report (one self-contained page with charts) from a perf-results.json,
the reporter's or merged results of the same schema.

  -o, --output <file>   where to write the page (default: perf-report.html beside the JSON); atomically
  --title <text>        page title (default "vitest-stress report")

Exit code: 0 written, 1 the JSON is not a report or the page could not be written, 2 bad flags.`;

/** `vitest-stress report perf-results/perf-results.json -o report.html`: returns the exit code. */
export async function reportCommand(argv: string[], io: CommandIo = process): Promise<number> {
  let values: { output?: string; title?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        output: { type: 'string', short: 'o' },
        title: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    io.stderr.write(`vitest-stress report: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr.write(
      `vitest-stress report: expected one perf-results.json, got ${positionals.length} file arguments\n\n${USAGE}\n`,
    );
    return 2;
  }
  const input = positionals[0];
  const output = values.output ?? join(dirname(input), 'perf-report.html');
  try {
    const report = await readPerfResults(input);
    const html = buildHtmlReport(report, values.title === undefined ? {} : { title: values.title });
    await writeFileAtomic(output, html);
    io.stdout.write(
      `vitest-stress report: ${report.tests.length} tests → ${output} ` +
        `(${Math.round(Buffer.byteLength(html) / 1024)} KiB)\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof StressError)) throw error;
    io.stderr.write(`vitest-stress report: ${error.message} [${error.code}]\n`);
    return 1;
  }
}
