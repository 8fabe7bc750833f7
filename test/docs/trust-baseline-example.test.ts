// The example of docs/trust.md "Perf baselines", run as it is shown there (imports from 'vitest-stress').
// Its baseline is committed beside it: test/docs/__perf__/trust-baseline-example.test.ts.json.
// --8<-- [start:spec]
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from '../../src/index.js';

// A service that answers in 50–200 ms (spread evenly): its latency is its own, not the machine's.
let server: http.Server;
let target = '';
let served = 0;
beforeAll(async () => {
  server = http.createServer((_req, res) =>
    setTimeout(() => res.end('ok'), 50 + 150 * ((++served * 0.618034) % 1)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the API is no slower than its baseline', async () => {
  const run = await load({
    name: 'api', // the baseline key is the test's full name and this run name
    target,
    users: 4,
    duration: '6s', // the p95 comparison resamples whole seconds: at least 5 with answers
  });
  // First run: writes __perf__/<this file>.json (never in CI). `vitest -u` rewrites it.
  // Then: a regression only when the whole interval lies past a tolerance.
  expect(run).toMatchPerfBaseline({ p95: '+25%', errorRate: '+2pp', throughput: '-25%' });
});
// --8<-- [end:spec]
