import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

describe('load() with a split', () => {
  test('drives its share, with ids prefixed by the split and a split section', async ({ task }) => {
    const before = server.seenIds.length;
    const run = await load({
      target: server.url,
      users: 4,
      requests: 10,
      split: { index: 2, count: 3 },
      requestIdPrefix: 'r-',
    });
    expect(run.requests.total).toBe(3);
    expect(run.users).toBe(1);
    expect(server.seenIds.slice(before)).toHaveLength(3);
    expect(server.seenIds.slice(before).every((id) => id.startsWith('s2-r-'))).toBe(true);
    expect(run.split).toEqual({ index: 2, count: 3, startAt: null, lateStartMs: 0, warnings: [] });
    expect(task.meta.vitestStress?.runs[0].split).toEqual(run.split);
    expect(Object.keys(task.meta.vitestStress!.runs[0].scenarios.default)).toContain('histogram');
  });

  test('waits for the common start, and says how late it began', async () => {
    const startAt = Date.now() + 300;
    const run = await load({
      target: server.url,
      users: 1,
      requests: 2,
      split: { index: 1, count: 1, startAt },
    });
    expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(startAt);
    expect(run.split).toMatchObject({ startAt, warnings: [] });
    // lateStartMs is measured when the wait ends, just before the run's startedAt is taken.
    expect(
      Math.abs(run.split!.lateStartMs - (Date.parse(run.startedAt) - startAt)),
    ).toBeLessThanOrEqual(50);
  });

  test('an abort during the wait ends it: the run stops and says why', async () => {
    const controller = new AbortController();
    const running = load({
      target: server.url,
      users: 1,
      duration: '30s',
      signal: controller.signal,
      split: { index: 1, count: 2, startAt: Date.now() + 60_000 },
    });
    controller.abort();
    const run = await running;
    expect(run.warnings).toContain('split 1/2: aborted while waiting for the common start');
    expect(run.warnings.some((w) => w.startsWith('run aborted after'))).toBe(true);
    expect(run.split!.startAt).toBeGreaterThan(Date.parse(run.startedAt));
  });

  test('bad split settings throw coded errors naming the field', async () => {
    await expect(load({ target: server.url, split: { index: 4, count: 3 } })).rejects.toMatchObject(
      { code: 'ERR_STRESS_INVALID_OPTION', field: 'split.index' },
    );
    await expect(
      load({ target: server.url, users: 2, split: { index: 3, count: 3 } }),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_INVALID_OPTION', field: 'users' });
    await expect(
      load({ target: server.url, split: { index: 1, count: 2, startAt: Date.now() + 3_600_000 } }),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_INVALID_OPTION', field: 'split.startAt' });
  });
});
