import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { historyCheckCommand } from '../../../src/cli/history-check.js';
import { appendRun } from '../../../src/history/history-store.js';
import { findChromium, NO_CHROMIUM, openReport } from '../../helpers/chromium.js';
import { capture } from '../../helpers/capture-io.js';
import { noisySeries, recordOf } from '../../history/history-fixtures.js';

const chromiumPath = findChromium();

test('the trend page in headless Chromium: every run a point, the change point marked, no errors', async ({
  skip,
}) => {
  if (!chromiumPath) console.warn(`trend page browser check skipped: ${NO_CHROMIUM}`);
  skip(!chromiumPath, NO_CHROMIUM);
  const store = await mkdtemp(join(tmpdir(), 'vs-trend-browser-'));
  const levels = Array.from({ length: 30 }, (_, i) => (i >= 20 ? 120 : 100));
  for (const [i, p95] of noisySeries(levels, 0.02, 7).entries())
    await appendRun(store, recordOf(i, p95, i === 3 ? { commit: '<b>&"x</b>' } : {}));
  const file = join(store, 'trend.html');
  expect(await historyCheckCommand(['--store', store, '--html', file], capture().io)).toBe(1);

  const opened = await openReport(chromiumPath!, file);
  try {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.requests).toEqual({ failed: [], external: [] });
    const page = opened.page;
    const svg = page.locator('figure.series-trend svg.trend');
    expect(await svg.count()).toBe(1);
    // Rendered, not just present: the SVG has its size and every point a box inside it.
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(700);
    const points = page.locator('svg.trend circle.point');
    expect(await points.count()).toBe(30);
    for (const i of [0, 19, 20, 29]) {
      const p = (await points.nth(i).boundingBox())!;
      expect(p.width, `point ${i}`).toBeGreaterThan(4);
      expect(p.x).toBeGreaterThanOrEqual(box.x);
      expect(p.x + p.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
    // The newest run is the highlighted one; the slow runs are drawn above the fast ones.
    expect(await page.locator('circle.point.current').getAttribute('data-index')).toBe('29');
    const y = async (i: number) => (await points.nth(i).boundingBox())!.y;
    expect(await y(25)).toBeLessThan(await y(5));
    // One change point, a regression, between run 20 and run 21, with its tooltip text.
    const marker = page.locator('svg.trend line.change-point.regression');
    expect(await marker.count()).toBe(1);
    expect(await marker.getAttribute('data-index')).toBe('20');
    const mx = (await marker.boundingBox())!.x;
    expect(mx).toBeGreaterThan((await points.nth(19).boundingBox())!.x);
    expect(mx).toBeLessThan((await points.nth(20).boundingBox())!.x);
    expect(await marker.locator('title').textContent()).toMatch(
      /^change at run 21 \(commit c020\): 100\.1 → 120/,
    );
    expect(await page.locator('svg.trend line.level').count()).toBe(2);
    // The markup in a commit is text, and the verdict text is on the page.
    expect(await points.nth(3).locator('title').textContent()).toContain('commit <b>&"x</b>');
    expect(await page.innerText('pre.verdict')).toMatch(
      /^REGRESSION suite > checkout \/ run 1 p95/,
    );
  } finally {
    await opened.browser.close();
  }
}, 60_000);
