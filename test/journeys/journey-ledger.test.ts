import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { okServer, type FixtureServer } from '../helpers/servers.js';

describe('a journey run’s ledger past ledger.memoryRows', () => {
  let server: FixtureServer;
  let dir: string;
  beforeAll(async () => {
    server = await okServer();
    dir = await mkdtemp(join(tmpdir(), 'journey-ledger-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  // Plain runs move the ledger to disk past memoryRows and stream it back; a journey run must do
  // the same (not build an array of every entry to add the journey ids), and still link its steps.
  test('moves to disk, streams back every request once, each linked to its journey iteration', async () => {
    const run = await load({
      target: server.url,
      users: 4,
      duration: 1000,
      progress: false,
      ledger: { dir, memoryRows: 10 },
      journeys: [
        {
          name: 'j',
          steps: [
            { name: 'a', path: '/a' },
            { name: 'b', path: '/b' },
          ],
        },
      ],
    });
    expect(run.requests.total).toBeGreaterThan(10);
    expect(run.ledgerFile).toMatchObject({ rows: run.requests.total, partial: false });
    expect(Array.isArray(run.ledger)).toBe(false);
    expect(run.ledger.length).toBe(run.requests.total);
    const steps = new Map<string, string[]>();
    const ids = new Set<string>();
    for (const entry of run.ledger) {
      ids.add(entry.id);
      expect(entry.journey).toBe('j');
      steps.set(entry.journeyId!, [...(steps.get(entry.journeyId!) ?? []), entry.scenario]);
    }
    expect(ids.size).toBe(run.requests.total);
    const iterations = [...steps.values()];
    expect(iterations.filter((s) => s.length === 2)).toHaveLength(run.journeys!.j.completed);
    for (const s of iterations) expect(s[0]).toBe('a');
    // A second pass reads the file again and gives the same.
    expect(run.ledger.filter((e) => e.journeyId !== undefined)).toHaveLength(run.requests.total);
  }, 20_000);

  test('below memoryRows the ledger stays the usual array, linked in place', async () => {
    const run = await load({
      target: server.url,
      users: 1,
      duration: 200,
      progress: false,
      journeys: [{ name: 'k', steps: [{ name: 'only', path: '/' }] }],
    });
    expect(run.ledgerFile).toBeUndefined();
    expect(Array.isArray(run.ledger)).toBe(true);
    expect(run.ledger.every((e) => e.journey === 'k' && e.journeyId !== undefined)).toBe(true);
  }, 20_000);
});
