import { readFile } from 'node:fs/promises';
import { InvalidOptionError, InvalidReportError, StressError } from '../errors.js';
import { checkPerfResults } from '../reporters/html/read-report.js';
import type { CommandIo } from './generate.js';
import { contentRunId, toHistoryRecord } from '../history/history-record.js';
import { appendRun, checkRunId } from '../history/history-store.js';
import { isFileStore } from '../history/history-file-store.js';
import { resolveRunIdentity } from '../history/run-identity.js';
import { parseHistoryArgs } from './history-flags.js';

export const ADD_USAGE = `usage: vitest-stress history add <perf-results.json> --store <dir|file.jsonl> \
[--run-id <id>] [--commit <sha>] [--branch <name>]

Appends one run to the history store: <dir>/<run-id>.json, written whole (temp file, then linked
to its name), or one line of <file.jsonl> (one append write, then fsync; a torn line is skipped
on read). A run id already in the store is ignored. Run id: --run-id, else a hash of the file.
Commit: --commit, else GITHUB_SHA, else the report's gitSha, else git rev-parse HEAD.
Branch: --branch, else GITHUB_HEAD_REF or GITHUB_REF_NAME, else git's current branch.
Exit code: 0 added or already there, 1 the report is unreadable or the store unwritable, 2 bad flags.`;

const FLAGS = {
  store: { type: 'string' },
  'run-id': { type: 'string' },
  commit: { type: 'string' },
  branch: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const VALUES = {
  store: 'a store: a directory or a .jsonl file',
  'run-id': 'a run id: letters, digits, ".", "_" or "-"',
  commit: 'a commit sha',
  branch: 'a branch name',
};

/** The perf-results.json file `input`, its text and its checked contents (InvalidReportError otherwise). */
async function readPerfResults(input: string) {
  const text = await readFile(input, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new InvalidReportError(input, `cannot read it (${e.code ?? e.message})`, e);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InvalidReportError(input, `not JSON (${(e as Error).message})`, e);
  }
  return { text, report: checkPerfResults(input, json) };
}

/** `vitest-stress history add perf-results/perf-results.json --store perf-history`: returns the exit code. */
export async function historyAddCommand(
  argv: string[],
  io: CommandIo = process,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseHistoryArgs('history add', argv, FLAGS, VALUES);
    if (parsed.values.help) return (io.stdout.write(`${ADD_USAGE}\n`), 0);
    if (parsed.positionals.length !== 1)
      throw new InvalidOptionError(
        'perf-results.json argument',
        parsed.positionals,
        'exactly one perf-results.json file',
      );
    if (!parsed.values.store)
      throw new InvalidOptionError('--store', undefined, `${VALUES.store} (required)`);
    isFileStore(parsed.values.store); // a .json store is refused here: exit 2
    if (parsed.values['run-id'] !== undefined) checkRunId(parsed.values['run-id']);
  } catch (error) {
    if (!(error instanceof StressError)) throw error;
    io.stderr.write(
      `vitest-stress history add: ${error.message} [${error.code}]\n\n${ADD_USAGE}\n`,
    );
    return 2;
  }
  const {
    values,
    positionals: [input],
  } = parsed;
  try {
    const { text, report } = await readPerfResults(input);
    const who = resolveRunIdentity(
      { commit: values.commit, branch: values.branch },
      report.run?.gitSha ?? null,
      env,
    );
    const runId = values['run-id'] ?? contentRunId(text);
    const record = toHistoryRecord(report, { runId, commit: who.commit, branch: who.branch });
    const added = await appendRun(values.store as string, record);
    const what =
      `run ${runId} (commit ${who.commit ?? 'unknown'} from ${who.source.commit}, ` +
      `branch ${who.branch ?? 'unknown'}, ${record.points.length} loads, profile ${record.profile})`;
    const done = added ? 'added' : 'already in the store, ignored:';
    io.stdout.write(`vitest-stress history add: ${done} ${what} → ${values.store}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof StressError)) throw error;
    io.stderr.write(`vitest-stress history add: ${error.message} [${error.code}]\n`);
    return 1;
  }
}
