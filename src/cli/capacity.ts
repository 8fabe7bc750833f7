import { findCapacity } from '../capacity/find-capacity.js';
import { describeCapacity } from '../capacity/capacity-verdict.js';
import type { CapacityResult } from '../capacity/capacity-types.js';
import { StressError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import type { CommandIo } from './generate.js';
import { parseCapacityFlags, type CapacityFlags } from './capacity-flags.js';
import { FlagError } from './run-flags.js';
import { readFile } from 'node:fs/promises';
import { generateCreditRecords } from '../data/credit-records.js';
import type { ScenarioOptions } from '../options/load-options.js';

const USAGE = `usage: vitest-stress capacity --target <url> --users FROM..TO[:STEP] --sla '<lines>' [flags]

Finds the breaking point: steps the load level by level, judges each against the SLA with 95%
confidence, bisects between the last pass and the first fail, and says what limited it (from
the target's /metrics). Exit code: 0 a capacity was found (or the top level passed), 1 even the
first level did not pass or the search was stopped, 2 bad flags.

  --target <url>          base URL (loopback unless --allow-remote)              required
  --users FROM..TO[:STEP] closed model: concurrent users per level     (one of --users / --rate)
  --rate FROM..TO[:STEP]  open model: requests per second per level
  --sla <lines>           e.g. 'p95<5000,errors<5%' (p50/p95/p99<MS, errors<N%, throughput>RPS)
  --level-duration <d>    each level's length                                    default 5s
  --max-wall-time <d>     bound on the whole search                              default 10m
  --method <m>, --path <p>  the request                    default GET / (POST with a body)
  --header 'Name: value'  a request header (repeatable)
  --body <text|@file>     the request body (the text, or @file to read it)
  --payload-size <n>      POST n synthetic credit records as JSON (as \`run\`); path default /api/analyze
  --output <file>         write the whole result as JSON (atomically)
  --allow-remote          allow a non-loopback target`;

/** The one request every level sends, from --method, --path, --header, --body / --payload-size. */
async function scenarioOf(flags: CapacityFlags): Promise<ScenarioOptions> {
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of flags.headers) headers[name] = value;
  let body = flags.body;
  if (body?.startsWith('@')) {
    body = await readFile(body.slice(1), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new FlagError(`--body ${body}: cannot read the file (${error.code ?? error.message})`);
    });
  }
  if (flags.payloadSize !== undefined) {
    body = JSON.stringify({ records: generateCreditRecords(flags.payloadSize, { seed: 42 }) });
    headers['content-type'] ??= 'application/json';
  }
  return {
    name: `${flags.method} ${flags.path}`,
    method: flags.method,
    path: flags.path,
    ...(Object.keys(headers).length > 0 ? { headers: { ...headers } } : {}),
    ...(body !== undefined ? { body } : {}),
  };
}

/** `vitest-stress capacity ...`: returns the exit code. */
export async function capacityCommand(argv: string[], io: CommandIo = process): Promise<number> {
  let flags: CapacityFlags;
  try {
    flags = parseCapacityFlags(argv);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    io.stderr.write(`vitest-stress capacity: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (flags.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let result: CapacityResult;
  try {
    result = await findCapacity({
      target: flags.target,
      ...(flags.users ? { users: flags.users } : {}),
      ...(flags.rate ? { rate: flags.rate } : {}),
      sla: flags.sla,
      levelDuration: flags.levelDuration,
      maxWallTime: flags.maxWallTime,
      allowRemote: flags.allowRemote,
      scenarios: [await scenarioOf(flags)],
    });
  } catch (error) {
    if (!(error instanceof StressError) && !(error instanceof FlagError)) throw error;
    io.stderr.write(`vitest-stress capacity: ${error.message}\n`);
    return 2;
  }
  for (const level of result.levels) {
    const lines = level.lines.map((l) => `${l.metric} ${l.state}`).join(', ');
    io.stdout.write(
      `  ${String(level.level).padStart(6)} ${result.unit}: ${level.state.padEnd(12)} ${lines}\n`,
    );
  }
  io.stdout.write(`${describeCapacity(result)}\n`);
  if (flags.output !== undefined)
    await writeFileAtomic(flags.output, `${JSON.stringify(result, null, 2)}\n`);
  return result.outcome === 'found' || result.outcome === 'limit-not-reached' ? 0 : 1;
}
