import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareAuditTrail } from '../../src/audit/audit-trail.js';
import { joinFaults } from '../../src/chaos/join-faults.js';
import { load } from '../../src/load.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';

let server: FixtureServer;
let root: string;
beforeAll(async () => {
  server = await okServer(1);
  root = mkdtempSync(join(tmpdir(), 'journey-ledger-'));
});
afterAll(async () => {
  if (existsSync(join(root, 'read-only'))) chmodSync(join(root, 'read-only'), 0o755);
  rmSync(root, { recursive: true, force: true });
  await server.close();
});

/** A folder no file can be created in (chmod 0555; as root, a path under a regular file). */
function unwritableDir(): string {
  const dir = join(root, 'read-only');
  if (!existsSync(dir)) mkdirSync(dir);
  chmodSync(dir, 0o555);
  try {
    writeFileSync(join(dir, 'probe'), 'x');
    rmSync(join(dir, 'probe'));
  } catch {
    return dir;
  }
  writeFileSync(join(root, 'a-file'), 'not a folder'); // rewritten: the same file each time
  return join(root, 'a-file', 'ledgers');
}

describe('a journey run whose ledger file cannot be written', () => {
  test.each([0, 5])(
    '(memoryRows %i) says so in the result and its warnings; the joins refuse its ledger',
    async (memoryRows) => {
      const run = await load({
        target: server.url,
        users: 2,
        duration: '300ms',
        ledger: { dir: unwritableDir(), memoryRows },
        journeys: [
          {
            name: 'two-steps',
            steps: [
              { name: 'first', path: '/a' },
              { name: 'second', path: '/b' },
            ],
          },
        ],
      });
      const total = run.requests.total;
      expect(total).toBeGreaterThan(0);
      expect(run.steps!.second.requests.total).toBeGreaterThan(0);
      expect(run.ledgerFile).toMatchObject({
        rows: total,
        writtenRows: 0,
        lostRows: total,
        partial: true,
      });
      expect(run.warnings.join('\n')).toMatch(
        new RegExp(`the request ledger is partial: ${total} of ${total} rows were not written`),
      );
      expect(() => [...run.ledger]).toThrow(
        expect.objectContaining({ code: 'ERR_STRESS_LEDGER_INCOMPLETE' }),
      );
      expect(() => compareAuditTrail(run.ledger, [])).toThrow(
        expect.objectContaining({ code: 'ERR_STRESS_LEDGER_INCOMPLETE' }),
      );
      expect(() => joinFaults(run, [])).toThrow(
        expect.objectContaining({ code: 'ERR_STRESS_LEDGER_INCOMPLETE' }),
      );
      await expect(
        expect(run).toHaveCompleteAuditTrail({ fetchIds: async () => [] }),
      ).rejects.toThrow(/ERR_STRESS_LEDGER_INCOMPLETE/);
      expect(() => expect(run).toDegradeGracefully()).toThrow(/ERR_STRESS_LEDGER_INCOMPLETE/);
    },
  );
});
