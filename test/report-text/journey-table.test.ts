import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load } from '../../src/load.js';
import { toRunMeta } from '../../src/vitest/run-meta.js';
import { failedAtText, journeyTables } from '../../src/report-text/journey-table.js';
import { runBlock } from '../../src/report-text/run-block.js';
import { startServer, type FixtureServer } from '../helpers/servers.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    res.statusCode = req.url === '/broken' ? 500 : 200;
    res.end('{}');
  });
});
afterAll(() => server.close());

describe('journey tables in the result block and the reports', () => {
  test('a journeys table with failed-at steps and a steps table with skipped counts', async () => {
    const run = await load({
      target: server.url,
      users: 1,
      duration: 200,
      progress: false,
      journeys: [
        {
          name: 'buy',
          steps: [
            { name: 'home', path: '/' },
            { name: 'pay', path: '/broken' },
            { name: 'receipt', path: '/' },
          ],
        },
      ],
    });
    const meta = toRunMeta(run);
    const lines = journeyTables(meta);
    const failed = run.journeys!.buy.failed;
    expect(failed).toBeGreaterThan(0);
    expect(lines[0]).toBe('  Journeys:');
    expect(lines[1].split(/\s+/).slice(1, 7)).toEqual([
      'journey',
      'started',
      'completed',
      'failed',
      'cancelled',
      'not',
    ]);
    expect(lines[2]).toMatch(new RegExp(`^    buy .* pay ×${failed} \\(HTTP 500 ×${failed}\\)$`));
    const receipt = lines.find((l) => l.startsWith('    receipt'))!;
    expect(receipt.split(/\s+/).slice(1, 7)).toEqual([
      'receipt',
      '0',
      '0',
      '0',
      '0',
      String(failed),
    ]);
    expect(runBlock(meta)).toEqual(expect.arrayContaining(lines));
  });

  test('the report meta keeps steps and journeys without their histograms; other runs have no tables', async () => {
    const run = await load({
      target: server.url,
      users: 1,
      duration: 100,
      progress: false,
      journeys: [{ name: 'j', steps: [{ name: 's', path: '/' }] }],
    });
    const meta = JSON.parse(JSON.stringify(toRunMeta(run))) as ReturnType<typeof toRunMeta>;
    expect(meta.steps!.s.requests.total).toBe(run.steps!.s.requests.total);
    expect(meta.journeys!.j.started).toBe(run.journeys!.j.started);
    expect(meta.steps!.s.histogram).toBeUndefined();
    expect(meta.journeys!.j.histogram).toBeUndefined();
    const plain = await load({
      target: server.url,
      users: 1,
      duration: 100,
      progress: false,
      engine: 'undici',
    });
    expect(journeyTables(toRunMeta(plain))).toEqual([]);
  });
});

describe('failedAtText', () => {
  test("each failing step with its most common reason, cut to 48 characters; '-' for none", () => {
    // 'a: b: HTTP 500' is step 'a: b''s, not step 'a''s: the longest step name that begins it.
    const long = `check failed: ${'x'.repeat(60)}`;
    expect(
      failedAtText({
        failedAt: { pay: 4, a: 1, 'a: b': 2, login: 1 },
        errors: [
          { message: `pay: ${long}`, count: 3 },
          { message: 'a: b: HTTP 500', count: 2 },
          { message: 'pay: timeout', count: 1 },
        ],
      }),
    ).toBe(`pay ×4 (${long.slice(0, 47)}… ×3); a ×1; a: b ×2 (HTTP 500 ×2); login ×1`);
    expect(failedAtText({ failedAt: {}, errors: [] })).toBe('-');
  });
});
