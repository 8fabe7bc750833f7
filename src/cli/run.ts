import type { RunResult } from '../contracts/run-result.js';
import { StressError } from '../errors.js';
import { load } from '../load.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { runBlock } from '../report-text/run-block.js';
import { toRunMeta } from '../vitest/run-meta.js';
import { creditPostScenario } from './credit-post.js';
import type { CommandIo } from './generate.js';
import { FlagError, parseRunFlags, type RunFlags } from './run-flags.js';

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
  --max-error-rate <f>  SLA: fail unless the error rate is below this fraction (0 < f <= 1)
  --stop-when-decided   judge those SLAs every second with an always-valid sequential
                        method and stop once each is decided (--duration is the maximum);
                        exit 1 on a conclusive breach, 0 on a pass or an undecided SLA
  --allow-remote        allow a non-loopback target`;

/** `vitest-stress run ...`: returns the exit code. */
export async function runCommand(argv: string[], io: CommandIo = process): Promise<number> {
  let flags: RunFlags;
  try {
    flags = parseRunFlags(argv);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    io.stderr.write(`vitest-stress run: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (flags.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options: Parameters<typeof load>[0] = {
    target: flags.target,
    users: flags.users,
    timeout: flags.timeoutS * 1000,
    allowRemote: flags.allowRemote,
    scenarios: [creditPostScenario(flags.endpoint, flags.payloadSize, flags.seed)],
    ...(flags.duration !== undefined
      ? { duration: flags.duration }
      : { requests: flags.users * flags.requests! }),
    progress: true,
    ...(flags.stopWhenDecided ? { until: untilOf(flags) } : {}),
  };

  let run: Awaited<ReturnType<typeof load>>;
  try {
    run = await load(options);
  } catch (error) {
    if (!(error instanceof StressError)) throw error;
    io.stderr.write(`vitest-stress run: ${error.message}\n`);
    return 2;
  }
  io.stdout.write(
    `\n${'='.repeat(60)}\nSTRESS TEST RESULTS\n${'='.repeat(60)}\n${runBlock(toRunMeta(run)).join('\n')}\n`,
  );
  if (flags.output !== undefined) {
    await writeFileAtomic(flags.output, `${JSON.stringify(run, null, 2)}\n`);
    io.stdout.write(`  Result written to ${flags.output}\n`);
  }
  const breaches = slaBreaches(run, flags, io);
  for (const b of breaches) io.stdout.write(`  SLA ✗ ${b}\n`);
  return breaches.length ? 1 : 0;
}

/** The given SLAs the run breached; with --stop-when-decided, the sequential verdicts (their line printed first). */
function slaBreaches(run: RunResult, flags: RunFlags, io: CommandIo): string[] {
  const breaches: string[] = [];
  if (run.requests.ok === 0) breaches.push('no request succeeded');
  if (run.sequential) {
    io.stdout.write(`  ${sequentialLine(run.sequential)}\n`);
    for (const v of run.sequential.verdicts.filter((x) => x.state === 'fail'))
      breaches.push(
        `${v.metric} is not below ${v.threshold} (conclusive at ${(v.atMs / 1000).toFixed(1)} s)`,
      );
  } else if (
    flags.p95BelowMs !== undefined &&
    !(run.latency.p95 !== null && run.latency.p95 < flags.p95BelowMs)
  )
    breaches.push(`p95 ${run.latency.p95 ?? 'n/a'} ms is not below ${flags.p95BelowMs} ms`);
  if (!run.sequential && flags.maxErrorRate !== undefined && !(run.errorRate < flags.maxErrorRate))
    breaches.push(
      `error rate ${(run.errorRate * 100).toFixed(2)}% is not below ${(flags.maxErrorRate * 100).toFixed(2)}%`,
    );
  return breaches;
}

function untilOf(flags: RunFlags): { p95Below?: number; errorRateBelow?: number } {
  return {
    ...(flags.p95BelowMs !== undefined ? { p95Below: flags.p95BelowMs } : {}),
    ...(flags.maxErrorRate !== undefined ? { errorRateBelow: flags.maxErrorRate } : {}),
  };
}

function sequentialLine(
  report: NonNullable<Awaited<ReturnType<typeof load>>['sequential']>,
): string {
  const states = report.verdicts.map((v) => `${v.metric} ${v.state}`).join(', ');
  return (
    `Stopped: ${report.stoppedBecause} at ${(report.stoppedAtMs / 1000).toFixed(1)} s of at ` +
    `most ${(report.maxDurationMs / 1000).toFixed(0)} s (${states})`
  );
}
