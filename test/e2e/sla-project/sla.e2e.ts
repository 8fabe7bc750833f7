import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from '../../../src/load.js';

let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((_req, res) => setTimeout(() => res.end('ok'), 30));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test(`meets a loose SLA <&"'>`, async () => {
  const run = await load({ target: url, users: 2, requests: 20 });
  expect(run).toHaveP95Below(5000);
  expect(run).toHaveErrorRateBelow(0.01);
});

test('breaches a tight p95 SLA', async () => {
  const run = await load({ target: url, users: 2, requests: 20 });
  expect(run).toHaveErrorRateBelow(0.01);
  expect(run).toHaveP95Below(5);
});
