import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { load } from '../../../src/load.js';
import { okServer, type FixtureServer } from '../../helpers/servers.js';

let server: FixtureServer | undefined;
let running: ReturnType<typeof load> | undefined;

test('a 60 s load in a test with a 500 ms timeout', async () => {
  server = await okServer(1);
  running = load({ target: server.url, users: 2, duration: '60s', progress: false });
  await running;
}, 500);

// After the timeout: the load must have stopped on its own and closed its sockets.
afterAll(async () => {
  const run = await running!;
  await vi.waitFor(() => expect(server!.connections()).toBe(0), { timeout: 10_000 });
  await server!.close();
  const report = {
    durationMs: run.durationMs,
    warnings: run.warnings,
    sent: run.requests.total,
    connections: server!.connections(),
  };
  await writeFile(join(process.env.VS_E2E_OUT!, 'timeout.json'), JSON.stringify(report));
}, 30_000);
