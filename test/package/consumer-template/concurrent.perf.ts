import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { load } from 'vitest-stress';

let server: http.Server;
let target = '';
beforeAll(async () => {
  server = http.createServer((_req, res) => setTimeout(() => res.end('ok'), 5));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

// A waits until B has started, so Vitest's global current test is B while A runs.
let bStarted = false;
test.concurrent('concurrent A', async () => {
  await vi.waitFor(() => expect(bStarted).toBe(true));
  const run = await load({ target: `${target}/a`, users: 1, requests: 10 });
  expect(run).toHaveErrorRateBelow(0.5);
});
test.concurrent('concurrent B', async () => {
  bStarted = true;
  const run = await load({ target: `${target}/b`, users: 1, requests: 10 });
  expect(run).toHaveErrorRateBelow(0.5);
});
