import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { compareAuditTrail } from '../../src/audit/audit-trail.js';
import { joinFaults } from '../../src/chaos/join-faults.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';

let server: FixtureServer;
let root: string;
beforeAll(async () => {
  server = await okServer(1);
  root = mkdtempSync(join(tmpdir(), 'load-ledger-'));
});
afterAll(async () => {
  if (existsSync(join(root, 'read-only'))) chmodSync(join(root, 'read-only'), 0o755);
  rmSync(root, { recursive: true, force: true });
  await server.close();
});

/**
 * A folder no file can be created in: chmod 0555 when that stops this user (not root); as root
 * chmod stops nothing, so a path under a regular file (ENOTDIR) stands in for it.
 */
function unwritableDir(): { dir: string; method: string } {
  const dir = join(root, 'read-only');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  try {
    writeFileSync(join(dir, 'probe'), 'x');
    rmSync(join(dir, 'probe'));
  } catch {
    return { dir, method: 'chmod 0555' };
  }
  const file = join(root, 'a-file');
  writeFileSync(file, 'not a folder');
  return {
    dir: join(file, 'ledgers'),
    method: 'a path under a regular file (chmod does not stop root)',
  };
}

describe('load() with the ledger on disk', () => {
  test('past memoryRows the ledger is a file; the audit join reads it and finds a dropped record', async () => {
    const run = await load({
      target: server.url,
      users: 4,
      requests: 300,
      ledger: { dir: root, memoryRows: 50 },
    });
    expect(run.ledgerFile).toMatchObject({
      rows: 300,
      writtenRows: 300,
      lostRows: 0,
      partial: false,
    });
    expect(existsSync(run.ledgerFile!.path)).toBe(true);
    expect(run.ledger).toHaveLength(300);
    const ids = run.ledger.map((e) => e.id);
    expect(new Set(ids).size).toBe(300);
    const dropped = ids[150];
    const comparison = compareAuditTrail(
      run.ledger,
      ids.filter((id) => id !== dropped),
    );
    expect(comparison.missing).toEqual([dropped]);
  });

  test('a small run keeps the plain array and writes no file', async () => {
    const run = await load({ target: server.url, users: 2, requests: 20, ledger: { dir: root } });
    expect(run.ledgerFile).toBeUndefined();
    expect(Array.isArray(run.ledger)).toBe(true);
  });

  test('a folder it cannot write: the run finishes, says the ledger is partial, and the joins refuse it', async () => {
    const { dir, method } = unwritableDir();
    console.log(`unwritable ledger folder by ${method}`);
    const run = await load({
      target: server.url,
      users: 2,
      requests: 40,
      ledger: { dir, memoryRows: 0 },
    });
    expect(run.requests.total).toBe(40);
    expect(run.ledgerFile).toMatchObject({ rows: 40, writtenRows: 0, lostRows: 40, partial: true });
    expect(run.ledgerFile!.error).toMatch(/cannot create the ledger file/);
    expect(run.warnings.join('\n')).toMatch(
      /the request ledger is partial: 40 of 40 rows were not written/,
    );
    expect(() => compareAuditTrail(run.ledger, [])).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_LEDGER_INCOMPLETE' }),
    );
    expect(() => joinFaults(run, [])).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_LEDGER_INCOMPLETE' }),
    );
    const ids = { fetchIds: async () => [] };
    await expect(expect(run).toHaveCompleteAuditTrail(ids)).rejects.toThrow(
      /ERR_STRESS_LEDGER_INCOMPLETE/,
    );
    await expect(expect(run).not.toHaveCompleteAuditTrail(ids)).rejects.toThrow(
      /ERR_STRESS_LEDGER_INCOMPLETE/,
    );
    expect(() => expect(run).toDegradeGracefully()).toThrow(/ERR_STRESS_LEDGER_INCOMPLETE/);
  });

  test('bad ledger options name the field and what is allowed', async () => {
    await expect(
      load({ target: server.url, requests: 1, ledger: { keep: 'yes' as never } }),
    ).rejects.toThrow(/invalid option "ledger.keep": got .*, expected true or false/);
    await expect(
      load({ target: server.url, requests: 1, ledger: { memoryRows: -1 } }),
    ).rejects.toThrow(/invalid option "ledger.memoryRows"/);
    await expect(
      load({ target: server.url, requests: 1, ledger: { folder: 'x' } as never }),
    ).rejects.toThrow(
      /invalid option "ledger.folder": got .*, expected one of dir, keep, memoryRows/,
    );
  });
});
