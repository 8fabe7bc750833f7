import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PerfResultsFile } from '../../../src/contracts/perf-results.js';

// Checks of perf-report.html in Chromium that browser.test.ts runs: the journey run's section
// and the capacity search's USL curve, read from what the page shows and draws.

/** The cells of each body row of `selector`'s table, as the reader sees them. */
function cells(page: Page, selector: string): Promise<string[][]> {
  return page
    .locator(`${selector} tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map(
          (td) => (td as unknown as { innerText: string }).innerText,
        ),
      ),
    );
}

/** The journey run's Journeys section is shown, with the figures perf-results.json holds. */
export async function checkJourneysSection(page: Page, report: PerfResultsFile): Promise<void> {
  const n = (v: number) => v.toLocaleString('en-US');
  const run = report.tests[2].runs[0];
  const journey = run.journeys!['order <&>'];
  expect(journey.failed).toBeGreaterThan(0);
  const section = '#test-3-run-1 .journeys';
  expect(await page.locator(section).isVisible()).toBe(true);
  expect(await page.locator('div.journeys').count()).toBe(1);
  const [row] = await cells(page, `${section} table.journeys-table`);
  expect(row.slice(0, 4)).toEqual([
    'order <&>',
    n(journey.started),
    n(journey.completed),
    n(journey.failed),
  ]);
  expect(row[4]).toBe(`fetch ×${n(journey.failedAt.fetch)}`);
  expect(row[5]).toBe(`fetch: check failed: every fourth answer is refused ×${n(journey.failed)}`);
  expect(row[6]).toBe(`done ×${n(journey.skippedSteps.done)}`);
  expect(row[10]).toMatch(/^[\d.,]+ ms \[[\d.,]+, [\d.,]+\]$/);
  const steps = await cells(page, `${section} table.steps-table`);
  expect(steps.map((r) => r[0])).toEqual(['create', 'fetch', 'done']);
  const fetch = run.steps!.fetch;
  expect(steps[1].slice(1, 6)).toEqual(
    [fetch.requests.total, fetch.requests.ok, fetch.requests.failed, 0, fetch.skipped].map(n),
  );
  expect(steps[2][5]).toBe(n(run.steps!.done.skipped));
  expect(steps[1][10]).toBe(
    `check failed: every fourth answer is refused ×${n(fetch.requests.failed)}`,
  );
}

/** Pixels of the USL peak band's fill, rgba(204,121,167,0.45): translucent reddish purple. */
export const PEAK_FILL = 'a > 90 && a < 140 && r > 170 && Math.abs(g - 121) < 30';
/** Pixels of the measured throughput's line, #009E73 (bluish green), opaque. */
export const THROUGHPUT_LINE =
  'a > 200 && r < 40 && Math.abs(g - 158) < 30 && Math.abs(b - 115) < 30';

/**
 * In the throughput chart's canvas, the pixels of the plot's column at `users` for which
 * `match` (an expression of r, g, b, a) holds, and the column's height.
 */
export const columnPixels = (users: number, match: string) => `(() => {
  const el = document.querySelector('[data-chart="test-1-capacity-1-throughput"]');
  const canvas = el.querySelector('canvas');
  const over = el.querySelector('.u-over').getBoundingClientRect();
  const box = canvas.getBoundingClientRect();
  const scale = canvas.width / box.width;
  const [low, high] = JSON.parse(document.getElementById('chart-data').textContent).charts[0].xRange;
  const x = Math.round((over.left - box.left + (over.width * (${users} - low)) / (high - low)) * scale);
  const top = Math.round((over.top - box.top) * scale);
  const height = Math.round(over.height * scale);
  const data = canvas.getContext('2d').getImageData(x, top, 1, height).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i], g = data[i + 1], b = data[i + 2], a = data[i + 3];
    if (${match}) count++;
  }
  return { count, height };
})()`;

/**
 * The USL is drawn between the levels, not only at them: hovering at 15 users (between the
 * levels 10 and 20) shows a USL value and no measured throughput there.
 */
export async function checkSmoothUsl(page: Page): Promise<void> {
  const chart = '[data-chart="test-1-capacity-1-throughput"]';
  const over = await page.locator(`${chart} .u-over`).boundingBox();
  const spec = (await page.evaluate(
    `JSON.parse(document.getElementById('chart-data').textContent).charts[0]`,
  )) as { id: string; xRange: [number, number] };
  expect(spec.id).toBe('test-1-capacity-1-throughput');
  const [low, high] = spec.xRange;
  await page.mouse.move(
    over!.x + (over!.width * (15 - low)) / (high - low),
    over!.y + over!.height / 2,
  );
  const legend = (n: number) =>
    page.locator(`${chart} .u-legend .u-series:nth-child(${n}) .u-value`).innerText();
  await expect.poll(() => legend(1)).toMatch(/^1[45](\.\d+)? users$/);
  expect(await legend(2)).toBe('–');
  expect(await legend(3)).toMatch(/^1\d\d(\.\d+)? req\/s$/);
}
