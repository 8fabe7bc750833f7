import { parseArgs } from 'node:util';
import { generateCreditRecords } from '../data/index.js';
import { StressError } from '../errors.js';
import { load } from '../load.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { runBlock } from '../report-text/run-block.js';
import { toRunMeta } from '../vitest/meta.js';
import type { CommandIo } from './generate.js';

const USAGE = `usage: vitest-stress run --target <url> [flags]

Loads a service without writing a spec, with the seed's stress_test.py flags, and prints
the result block. Exit code: 0 when the run finished and every given SLA held, 1 when an
SLA was breached or nothing succeeded, 2 for bad flags.

  --target <url>        base URL (loopback unless --allow-remote)            required
  --users <n>           concurrent users                                        default 10
  --requests <n>        requests per user (total = users × requests)            default 10
  --duration <d>        run for a time instead ('30s', '5m')
  --payload-size <n>    records per POST body (synthetic credit records)        default 100
  --endpoint <path>     where to POST the payload                              default /api/analyze
  --timeout <s>         per-request timeout in seconds                          default 30
  --seed <n>            payload seed                                            default 42
  --output <file>       write the full result as JSON (atomically)
  --p95-below <ms>      SLA: fail unless p95 is below this
  --max-error-rate <f>  SLA: fail unless the error rate is below this fraction
  --allow-remote        allow a non-loopback target`;

const FLAGS = {
  target: { type: 'string' }, users: { type: 'string' }, requests: { type: 'string' }, duration: { type: 'string' },
  'payload-size': { type: 'string' }, endpoint: { type: 'string' }, timeout: { type: 'string' }, seed: { type: 'string' },
  output: { type: 'string' }, 'p95-below': { type: 'string' }, 'max-error-rate': { type: 'string' },
  'allow-remote': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

class FlagError extends Error {}

function int(values: Record<string, unknown>, name: string, fallback: number, min = 1): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min) throw new FlagError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function num(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n <= 0) throw new FlagError(`--${name} must be a number > 0, got ${JSON.stringify(raw)}`);
  return n;
}

/** `vitest-stress run ...`: returns the exit code. */
export async function runCommand(argv: string[], io: CommandIo = process): Promise<number> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    io.stderr.write(`vitest-stress run: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: Parameters<typeof load>[0];
  let p95Below: number | undefined;
  let maxErrorRate: number | undefined;
  try {
    if (typeof values.target !== 'string') throw new FlagError('missing --target <url>');
    const users = int(values, 'users', 10);
    const payloadSize = int(values, 'payload-size', 100);
    const timeoutS = num(values, 'timeout') ?? 30;
    p95Below = num(values, 'p95-below');
    maxErrorRate = num(values, 'max-error-rate');
    const endpoint = typeof values.endpoint === 'string' ? values.endpoint : '/api/analyze';
    const body = JSON.stringify({ records: generateCreditRecords(payloadSize, { seed: int(values, 'seed', 42, 0) }) });
    options = {
      target: values.target,
      users,
      timeout: timeoutS * 1000,
      allowRemote: values['allow-remote'] === true,
      scenarios: [{ name: `POST ${endpoint}`, method: 'POST', path: endpoint, body, headers: { 'content-type': 'application/json' } }],
      ...(typeof values.duration === 'string' ? { duration: values.duration } : { requests: users * int(values, 'requests', 10) }),
      progress: true,
    };
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    io.stderr.write(`vitest-stress run: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  let run: Awaited<ReturnType<typeof load>>;
  try {
    run = await load(options);
  } catch (error) {
    if (!(error instanceof StressError)) throw error;
    io.stderr.write(`vitest-stress run: ${error.message}\n`);
    return 2;
  }
  io.stdout.write(`\n${'='.repeat(60)}\nSTRESS TEST RESULTS\n${'='.repeat(60)}\n${runBlock(toRunMeta(run)).join('\n')}\n`);
  if (typeof values.output === 'string') {
    await writeFileAtomic(values.output, `${JSON.stringify(run, null, 2)}\n`);
    io.stdout.write(`  Result written to ${values.output}\n`);
  }
  const breaches: string[] = [];
  if (run.requests.ok === 0) breaches.push('no request succeeded');
  if (p95Below !== undefined && !(run.latency.p95 !== null && run.latency.p95 < p95Below)) breaches.push(`p95 ${run.latency.p95 ?? 'n/a'} ms is not below ${p95Below} ms`);
  if (maxErrorRate !== undefined && !(run.errorRate < maxErrorRate)) breaches.push(`error rate ${(run.errorRate * 100).toFixed(2)}% is not below ${(maxErrorRate * 100).toFixed(2)}%`);
  for (const b of breaches) io.stdout.write(`  SLA ✗ ${b}\n`);
  return breaches.length ? 1 : 0;
}
