import { parseArgs } from 'node:util';
import { InvalidOptionError, StressError } from '../errors.js';
import { PROFILE_SCALING, type ProfileName } from '../options/profile.js';
import { scaledForMs } from '../metrics/alerts/evaluate.js';
import { alertRulesYaml } from '../metrics/alerts/rule-file.js';
import { seedAlertRules, withForWindows } from '../metrics/alerts/seed-rules.js';
import type { CommandIo } from './generate.js';

const USAGE = `usage: vitest-stress alerts export [flags] > alerts.yml

Prints the seed's alert rules as a Prometheus rule file (promtool check rules accepts it):
critical error rate > 15% for 5m, p95 > 10 s, backend memory > 500 MB, MongoDB connections > 90;
warning error rate > 5% for 5m, CPU > 90% for 10m, MongoDB connections > 80.
Exit code: 0 printed, 2 bad flags.

  --window <d>          rate() window in the expressions ('1m', '15s')           default 1m
  --profile <name>      scale the for windows like a perf run: smoke | quick | full   default full (as written)
  --backend-job <job>   job label of the backend                              default ethix-backend
  --ai-core-job <job>   job label of the AI core                              default ethix-ai-core
  --group <name>        rule group name                                        default vitest-stress`;

const FLAGS = {
  window: { type: 'string' },
  profile: { type: 'string' },
  'backend-job': { type: 'string' },
  'ai-core-job': { type: 'string' },
  group: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const JOB = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** `vitest-stress alerts export ...`: prints the rule file; returns the exit code (0, or 2 for bad flags). */
export async function alertsCommand(argv: string[], io: CommandIo = process): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(`vitest-stress alerts: ${message}\n\n${USAGE}\n`);
    return 2;
  };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'export')
    return usage(`expected the subcommand "export", got ${JSON.stringify(positionals.join(' '))}`);
  const profile = values.profile ?? 'full';
  if (!(profile in PROFILE_SCALING))
    return usage(`--profile must be smoke, quick or full, got ${JSON.stringify(profile)}`);
  for (const flag of ['backend-job', 'ai-core-job'] as const) {
    if (values[flag] !== undefined && !JOB.test(values[flag]))
      return usage(
        `--${flag} must be a job name of letters, digits, _ and -, got ${JSON.stringify(values[flag])}`,
      );
  }
  try {
    const rules = seedAlertRules({
      window: values.window,
      backendJob: values['backend-job'],
      aiCoreJob: values['ai-core-job'],
    });
    const scaled = withForWindows(rules, (rule) => scaledForMs(rule, profile as ProfileName));
    io.stdout.write(alertRulesYaml(scaled, { group: values.group }));
  } catch (error) {
    if (error instanceof InvalidOptionError || error instanceof StressError)
      return usage(error.message.replace('"window"', '"--window"'));
    if (error instanceof RangeError) return usage(error.message);
    throw error;
  }
  return 0;
}
