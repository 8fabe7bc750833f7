import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from 'vitest-stress';

let server: http.Server;
let target = '';
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('the MongoDB audit source without mongodb installed names the missing peer', async () => {
  const run = await load({ target, users: 1, requests: 2 });
  await expect(
    expect(run).toHaveCompleteAuditTrail(
      { mongodb: { uri: 'mongodb://127.0.0.1:9', database: 'd', collection: 'c' } },
      { settleMs: 0 },
    ),
  ).rejects.toThrow(
    'needs the optional peer dependency "mongodb": install it with npm install mongodb',
  );
});
