import { parseArgs } from 'node:util';
import type { FaultOptions } from '../chaos/fault-options.js';
import { chaosProxy } from '../chaos/proxy.js';
import { withFaults } from '../chaos/with-faults.js';
import { StressError } from '../errors.js';
import { load } from '../load.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { chaosBlock, resilienceVerdict, type ChaosPlan } from './chaos-report.js';
import { creditPostScenario } from './credit-post.js';
import type { CommandIo } from './generate.js';

const USAGE = `usage: vitest-stress chaos --target <url> [flags]

Starts a chaos proxy in front of the target, runs the load through it (the seed's chaos_test.py)
and prints totals, the success share, the failure breakdown and RESILIENCE CHECK: PASSED/FAILED.
Exit code: 0 PASSED, 1 FAILED, 2 bad flags.

  --target <url>              base URL of the service (loopback unless --allow-remote)  required
  --users <n>                 concurrent users                                          default 20
  --duration <s>              seconds ('600') or a duration ('10m')                     default 60
  --timeout-rate <f>          share of requests held until the client times out         default 0.10
  --network-error-rate <f>    share of requests reset                                   default 0.05
  --slow-rate <f>             share of requests delayed by --slow-ms                    default 0.15
  --slow-ms <ms>              delay of a slow response                                  default 5000
  --timeout <s>               client timeout, longer than --slow-ms                     default 10
  --min-success-rate <f>      PASSED at or above this share of finished requests        default 0.8
  --endpoint <path>           where to POST the payload                                 default /api/analyze
  --payload-size <n>          synthetic credit records per body                         default 100
  --seed <n>                  seed of the fault picks                                   default 42
  --output <file>             write the run (with its fault breakdown and verdict) as JSON
  --allow-remote              allow a non-loopback target`;

const FLAGS = {
  target: { type: 'string' },
  users: { type: 'string' },
  duration: { type: 'string' },
  'timeout-rate': { type: 'string' },
  'network-error-rate': { type: 'string' },
  'slow-rate': { type: 'string' },
  'slow-ms': { type: 'string' },
  timeout: { type: 'string' },
  'min-success-rate': { type: 'string' },
  endpoint: { type: 'string' },
  'payload-size': { type: 'string' },
  seed: { type: 'string' },
  output: { type: 'string' },
  'allow-remote': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class FlagError extends Error {}
type Values = ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>['values'];

function int(values: Values, name: keyof Values, fallback: number, min: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min)
    throw new FlagError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function fraction(values: Values, name: keyof Values, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !(n >= 0 && n <= 1))
    throw new FlagError(
      `--${name} must be a fraction in [0, 1] (0.10 = 10%), got ${JSON.stringify(raw)}`,
    );
  return n;
}

function seconds(values: Values, name: keyof Values, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const match = typeof raw === 'string' ? /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(raw) : null;
  const s = match
    ? Number(match[1]) * ({ s: 1, m: 60, h: 3600 } as const)[(match[2] ?? 's') as 's' | 'm' | 'h']
    : NaN;
  if (!(s > 0))
    throw new FlagError(
      `--${name} must be seconds ('600') or a duration ('10m'), got ${JSON.stringify(raw)}`,
    );
  return s;
}

/** Flags → the plan and the resilience minimum; throws FlagError naming the flag. */
function planFrom(values: Values): Omit<ChaosPlan, 'proxyUrl'> & {
  timeoutS: number;
  minSuccessRate: number;
  endpoint: string;
  payloadSize: number;
} {
  if (typeof values.target !== 'string') throw new FlagError('missing --target <url>');
  const plan = {
    target: values.target,
    users: int(values, 'users', 20, 1),
    durationS: seconds(values, 'duration', 60),
    timeoutRate: fraction(values, 'timeout-rate', 0.1),
    networkErrorRate: fraction(values, 'network-error-rate', 0.05),
    slowRate: fraction(values, 'slow-rate', 0.15),
    slowMs: int(values, 'slow-ms', 5000, 1),
    timeoutS: seconds(values, 'timeout', 10),
    minSuccessRate: fraction(values, 'min-success-rate', 0.8),
    endpoint: typeof values.endpoint === 'string' ? values.endpoint : '/api/analyze',
    payloadSize: int(values, 'payload-size', 100, 1),
    seed: int(values, 'seed', 42, 0),
  };
  const sum = plan.timeoutRate + plan.networkErrorRate + plan.slowRate;
  if (sum > 1)
    throw new FlagError(
      `--timeout-rate + --network-error-rate + --slow-rate must be at most 1, got ${sum.toFixed(2)}`,
    );
  if (plan.timeoutS * 1000 <= plan.slowMs)
    throw new FlagError(
      `--timeout (${plan.timeoutS} s) must be longer than --slow-ms (${plan.slowMs} ms), or ` +
        'every slow response would time out',
    );
  if (!plan.endpoint.startsWith('/'))
    throw new FlagError(
      `--endpoint must be a path starting with /, got ${JSON.stringify(plan.endpoint)}`,
    );
  return plan;
}

/** The fault proxy in front of the target, with the plan's faults that have a rate above 0. */
function startProxy(plan: ReturnType<typeof planFrom>, allowRemote: boolean) {
  return chaosProxy({
    target: plan.target,
    seed: plan.seed,
    allowRemote,
    faults: (
      [
        { type: 'timeout', rate: plan.timeoutRate },
        { type: 'reset', rate: plan.networkErrorRate },
        { type: 'latency', rate: plan.slowRate, ms: plan.slowMs },
      ] satisfies FaultOptions[]
    ).filter((f) => f.rate > 0),
  });
}

/** `vitest-stress chaos ...`: returns the exit code (0 PASSED, 1 FAILED, 2 bad flags). */
export async function chaosCommand(argv: string[], io: CommandIo = process): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(`vitest-stress chaos: ${message}\n\n${USAGE}\n`);
    return 2;
  };
  let values: Values;
  let plan: ReturnType<typeof planFrom>;
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    plan = planFrom(values);
  } catch (error) {
    return usage((error as Error).message);
  }
  const allowRemote = values['allow-remote'] === true;
  let proxy: Awaited<ReturnType<typeof chaosProxy>>;
  try {
    proxy = await startProxy(plan, allowRemote);
  } catch (error) {
    if (error instanceof StressError) return usage(error.message);
    throw error;
  }
  try {
    const scenario = creditPostScenario(plan.endpoint, plan.payloadSize, plan.seed);
    const run = withFaults(
      await load({
        target: proxy.url,
        users: plan.users,
        duration: plan.durationS * 1000,
        timeout: plan.timeoutS * 1000,
        progress: true,
        scenarios: [scenario],
      }),
      proxy,
    );
    const verdict = resilienceVerdict(run, plan.minSuccessRate);
    io.stdout.write(`\n${chaosBlock(run, { ...plan, proxyUrl: proxy.url }, verdict)}`);
    if (typeof values.output === 'string') {
      await writeFileAtomic(
        values.output,
        `${JSON.stringify({ ...run, resilience: verdict }, null, 2)}\n`,
      );
      io.stdout.write(`Result written to ${values.output}\n`);
    }
    return verdict.passed ? 0 : 1;
  } finally {
    await proxy.close();
  }
}
