import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load, type RunResult } from 'vitest-stress';

let server: http.Server;
let target = '';
beforeAll(async () => {
  server = http.createServer((_req, res) => setTimeout(() => res.end('ok'), 20));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('api meets its SLA', async () => {
  const run: RunResult = await load({ target, users: 2, requests: 40 });
  expect(run).toHaveP95Below(2000);
  expect(run).toHaveErrorRateBelow(0.01);
});

test('api breaches a tight SLA', async () => {
  const run = await load({ target, users: 2, requests: 40 });
  expect(run).toHaveP95Below(1);
});
