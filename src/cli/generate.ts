import { parseArgs } from 'node:util';
import { generateCreditRecords, MAX_GENERATED_RECORDS } from '../data/credit-records.js';
import { serializePayload } from '../data/serialize.js';
import { writeFileAtomic } from '../output/atomic-write.js';

const USAGE = `usage: vitest-stress generate --records <n> [--seed <int>] [--out <file>]

  --records <n>   how many credit records (1..${MAX_GENERATED_RECORDS}); required
  --seed <int>    PRNG seed; the same seed gives byte-identical output (default 42)
  --out <file>    where to write { "records": [...] } (default: stdout); written atomically`;

/** Where `generateCommand` writes: injectable for tests. */
export interface CommandIo {
  stdout: Pick<NodeJS.WriteStream, 'write'>;
  stderr: Pick<NodeJS.WriteStream, 'write'>;
}

/**
 * `vitest-stress generate --records 5000 --seed 42 --out payload.json`: writes synthetic credit
 * records as `{ "records": [...] }`. Returns the exit code: 0 done, 1 write failed, 2 bad flags
 * (the message names the flag).
 */
export async function generateCommand(argv: string[], io: CommandIo = process): Promise<number> {
  let values: { records?: string; seed?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        records: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.stderr.write(`vitest-stress generate: ${flagMessage(err as Error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const fail = (message: string) => {
    io.stderr.write(`vitest-stress generate: ${message}\n\n${USAGE}\n`);
    return 2;
  };
  if (values.records === undefined) return fail('missing --records <n>');
  if (
    !/^\d+$/.test(values.records) ||
    Number(values.records) < 1 ||
    Number(values.records) > MAX_GENERATED_RECORDS
  ) {
    return fail(
      `--records must be an integer from 1 to ${MAX_GENERATED_RECORDS}, got ${JSON.stringify(values.records)}`,
    );
  }
  const seedText = values.seed ?? '42';
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) {
    return fail(`--seed must be an integer, got ${JSON.stringify(seedText)}`);
  }
  if (values.out === '') return fail('--out must be a file path');

  const records = Number(values.records);
  const seed = Number(seedText);
  const text = serializePayload(generateCreditRecords(records, { seed }));
  if (values.out === undefined || values.out === '-') {
    io.stdout.write(text);
    return 0;
  }
  try {
    await writeFileAtomic(values.out, text);
  } catch (err) {
    io.stderr.write(`vitest-stress generate: ${(err as Error).message}\n`);
    return 1;
  }
  io.stderr.write(`wrote ${records} records (seed ${seed}) to ${values.out}\n`);
  return 0;
}

/** node:util's parse errors, reworded to name the flag. */
function flagMessage(err: Error): string {
  const code = (err as { code?: string }).code;
  const flag = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `unknown flag ${flag ?? ''} (expected --records, --seed, --out)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `flag ${flag ?? ''} needs a value`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument: ${err.message.replace(/^.*?'([^']*)'.*$/s, '$1')}`;
  return err.message;
}
