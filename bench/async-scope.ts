/**
 * What the test scope costs a load generator: load() (undici engine) against an in-process
 * 'hello world' server, plain versus inside the AsyncLocalStorage scope that concurrent tests
 * get (src/vitest/test-scope.ts). Each arm runs in its own process, since an enabled store
 * switches Node's async hooks on for the whole process. Alternates arms round by round.
 * Run: npx tsx bench/async-scope.ts [seconds] [rounds]
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { RunnerTestCase } from 'vitest';
import { load } from '../src/index.js';
import { runInTest } from '../src/vitest/test-scope.js';

const seconds = Number(process.argv[2] ?? 5);
const rounds = Number(process.argv[3] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One arm in this process: prints requests per second. */
async function arm(scoped: boolean): Promise<void> {
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const options = {
    target,
    users: 20,
    duration: seconds * 1000,
    engine: 'undici',
    progress: false,
    ledger: false,
  } as const;
  const fakeTest = {
    type: 'test',
    id: 'bench',
    name: 'bench',
    meta: {},
    concurrent: true,
  } as unknown as RunnerTestCase;
  const run = scoped ? await runInTest(fakeTest, () => load(options)) : await load(options);
  console.log(run.throughput.toFixed(1));
  server.close();
}

function main(): void {
  const self = fileURLToPath(import.meta.url);
  const rps: Record<'plain' | 'scoped', number[]> = { plain: [], scoped: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const name of ['plain', 'scoped'] as const) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', self, String(seconds), '1', name],
        { encoding: 'utf8' },
      );
      rps[name].push(Number(out.trim().split('\n').pop()));
      console.log(`round ${round} ${name.padEnd(6)} ${rps[name].at(-1)} req/s`);
    }
  }
  const ratio = median(rps.scoped) / median(rps.plain);
  console.log(
    `median plain ${median(rps.plain)} req/s, scoped ${median(rps.scoped)} req/s, scoped/plain ${ratio.toFixed(2)}`,
  );
}

const mode = process.argv[4];
if (mode === 'plain' || mode === 'scoped') await arm(mode === 'scoped');
else main();
