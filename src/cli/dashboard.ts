import { parseArgs } from 'node:util';
import { ethixDashboard } from '../metrics/dashboard/build-dashboard.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import type { CommandIo } from './generate.js';

const USAGE = `usage: vitest-stress dashboard [flags] > ethix.json

Prints the seed's Grafana dashboard (import it in Grafana: Dashboards → New → Import): request
rate, p95 latency, error rate, CPU and memory (backend and AI core apart), MongoDB connections,
answers by status code; a Prometheus datasource variable picks the server.
Exit code: 0 printed, 2 bad flags.

  --title <text>        dashboard title
  --uid <uid>           dashboard uid                                          default vitest-stress-ethix
  --backend-job <job>   job label of the backend                              default ethix-backend
  --ai-core-job <job>   job label of the AI core                              default ethix-ai-core
  --output <file>       write the JSON there (atomically) instead of stdout`;

const FLAGS = {
  title: { type: 'string' },
  uid: { type: 'string' },
  'backend-job': { type: 'string' },
  'ai-core-job': { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const JOB = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;
const UID = /^[a-zA-Z0-9_-]{1,40}$/;

/** `vitest-stress dashboard ...`: prints (or writes) the dashboard JSON; returns the exit code. */
export async function dashboardCommand(argv: string[], io: CommandIo = process): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(`vitest-stress dashboard: ${message}\n\n${USAGE}\n`);
    return 2;
  };
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  for (const flag of ['backend-job', 'ai-core-job'] as const) {
    if (values[flag] !== undefined && !JOB.test(values[flag]))
      return usage(
        `--${flag} must be a job name of letters, digits, _ and -, got ${JSON.stringify(values[flag])}`,
      );
  }
  if (values.uid !== undefined && !UID.test(values.uid))
    return usage(`--uid must be 1-40 letters, digits, _ or -, got ${JSON.stringify(values.uid)}`);
  const dashboard = ethixDashboard({
    title: values.title,
    uid: values.uid,
    backendJob: values['backend-job'],
    aiCoreJob: values['ai-core-job'],
  });
  const text = `${JSON.stringify(dashboard, null, 2)}\n`;
  if (values.output === undefined) io.stdout.write(text);
  else await writeFileAtomic(values.output, text);
  return 0;
}
