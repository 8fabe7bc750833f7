import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from 'vitest-stress';

// The service answers after 0.5–2 × SERVER_DELAY_MS (200 by default; the test makes it 30%
// slower), spread evenly by a golden-ratio sequence: p95 ≈ 1.9 × the delay, not machine noise.
const delayMs = Number(process.env.SERVER_DELAY_MS ?? 200);
let served = 0;
let server: http.Server;
let target = '';
beforeAll(async () => {
  server = http.createServer((_req, res) =>
    setTimeout(() => res.end('ok'), delayMs * (0.5 + 1.5 * ((++served * 0.618034) % 1))),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('api keeps its p95', async () => {
  // SAMPLES=20 makes a run too short to judge p95 (it needs 59 answers at 95%).
  const run = process.env.SAMPLES
    ? await load({ name: 'api', target, users: 2, requests: Number(process.env.SAMPLES) })
    : await load({ name: 'api', target, users: 8, duration: '10s' });
  expect(run).toMatchPerfBaseline({ p95: '+10%', errorRate: '+1pp' });
});
