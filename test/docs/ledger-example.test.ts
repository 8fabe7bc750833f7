// The example of docs/ledger.md, run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';

let service: Ethix; // the bundled reference service; point target at your own
let dir: string;
beforeAll(async () => {
  service = await startEthix();
  dir = await mkdtemp(join(tmpdir(), 'ledger-example-'));
});
afterAll(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

test('the ledger goes to a kept file and reads back every request once', async () => {
  const run = await load({
    target: service.url,
    users: 4,
    requests: 300,
    scenarios: [{ name: 'health', method: 'GET', path: '/health' }],
    // memoryRows 0: on disk from the first request (the default moves there past 50 000).
    ledger: { dir, keep: true, memoryRows: 0 },
  });
  const file = run.ledgerFile!;
  expect(file).toMatchObject({ kept: true, rows: 300, writtenRows: 300, partial: false });
  expect((await stat(file.path)).size).toBe(file.bytes);
  const ids = new Set<string>();
  for (const entry of run.ledger) ids.add(entry.id); // one pass over the file, chunk by chunk
  expect(ids.size).toBe(run.requests.total);
  expect(run.ledger.filter((entry) => entry.outcome === 'ok')).toHaveLength(run.requests.ok);
});
// --8<-- [end:spec]
