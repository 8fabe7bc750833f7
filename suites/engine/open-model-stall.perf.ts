import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { stallingServer, type FixtureServer } from '../../test/engine/servers.js';

// Moved here from the unit project: a two-sided bound on p99 is a timing property, judged when
// the perf project has the CPU to itself (one file at a time, after the unit tests).
let server: FixtureServer;
beforeAll(async () => {
  server = await stallingServer(5000, 1000);
});
afterAll(() => server.close());

test('open model, rate 400 for 10 s vs a server stalling 1 s in 5: p99 850–1150 ms from intended send', async () => {
  const run = await load({
    target: server.url,
    rate: 400,
    duration: '10s',
    progress: false,
    ledger: false,
  });
  expect(run.requests.total).toBeGreaterThanOrEqual(3800);
  expect(run.latency.p99).toBeGreaterThan(850);
  // Above the bound on a loaded machine, the schedule says whether the generator itself was late.
  expect(run.latency.p99, `schedule ${JSON.stringify(run.schedule)}`).toBeLessThan(1150);
}, 60_000);
