import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { compareTargets } from '../../../src/ab/compare-targets.js';

// The candidate answers in twice the baseline's time: a regression no machine noise hides in the median.
const servers: http.Server[] = [];
const urls: string[] = [];
beforeAll(async () => {
  for (const delayMs of [20, 40]) {
    const server = http.createServer((_req, res) => setTimeout(() => res.end('ok'), delayMs));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))));

test('a twice slower candidate regresses', async () => {
  const ab = await compareTargets({
    baseline: urls[0],
    candidate: urls[1],
    rounds: 4,
    users: 2,
    requests: 30,
    name: 'twice slower',
  });
  expect(ab).toShowNoRegression({ p50: '+10%' });
}, 60_000);
