import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from '../../src/load.js';

// The decided bound of issue 9: a run stops within 1 s of its duration whatever the user count.
// It is a bound on the stop, not on speed: the result's durationMs is what is judged.
let server: http.Server;
let target: string;
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve),
  );
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test.each(['autocannon', 'undici'] as const)(
  '%s: 2000 users for 2 s stop within 1 s of the duration, and the result says how long it ran',
  async (engine) => {
    const run = await load({ target, engine, users: 2000, duration: '2s', progress: false });
    // durationMs is how long the traffic really ran (closing 2000 sockets afterwards is not in it).
    expect(run.durationMs).toBeGreaterThanOrEqual(2000);
    expect(run.durationMs).toBeLessThan(3000);
    expect(run.requests.total).toBe(run.requests.ok + run.requests.failed + run.requests.cancelled);
  },
);
