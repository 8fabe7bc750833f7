import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PerfResultsFile } from '../../../src/contracts/perf-results.js';
import { buildHtmlReport } from '../../../src/reporters/html/page.js';
import { capacityResult } from '../../helpers/capacity-result.js';
import { chartPixels, findChromium, NO_CHROMIUM, openReport } from '../../helpers/chromium.js';
import {
  checkJourneysSection,
  checkSmoothUsl,
  columnPixels,
  PEAK_FILL,
  THROUGHPUT_LINE,
} from './browser-checks.js';
import { reportOf, testRecord } from './report-fixtures.js';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const chromiumPath = findChromium();

// The reporter's own page from a real Vitest run of report-project/ (real load() runs: stages
// with a spike, chaos faults and an outage, server metrics; an open-model run; a journey run; a
// skipped test).
let out: string;
let report: PerfResultsFile;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'vs-html-'));
  const child = await exec(
    process.execPath,
    [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      'test/reporters/html/report-project',
    ],
    {
      cwd: root,
      env: { ...process.env, VS_HTML_OUT: out, NO_COLOR: '1' },
    },
  ).then(
    () => 0,
    (e: { code: number }) => e.code,
  );
  // The first test breaches its error-rate SLA on purpose: the run fails.
  expect(child).toBe(1);
  report = JSON.parse(await readFile(join(out, 'perf-results.json'), 'utf8'));
}, 120_000);

describe('perf-report.html in headless Chromium', () => {
  test('loads with no console errors and no requests, draws every chart, shows every verdict', async ({
    skip,
  }) => {
    if (!chromiumPath) console.warn(`perf-report.html browser check skipped: ${NO_CHROMIUM}`);
    skip(!chromiumPath, NO_CHROMIUM);
    const opened = await openReport(chromiumPath!, join(out, 'perf-report.html'));
    try {
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.requests).toEqual({ failed: [], external: [] });

      // Every chart element has a canvas with pixels in its own series' colours (not just axes).
      const pixels = await chartPixels(opened.page);
      const ids = pixels.map((p) => p.id);
      for (const kind of [
        'latency',
        'throughput',
        'users',
        'faults',
        'server-memory',
        'server-lag',
      ])
        expect(ids).toContain(`test-1-run-1-${kind}`);
      expect(ids).toContain('test-2-run-1-latency');
      for (const p of pixels) expect(p.seriesColoured, p.id).toBeGreaterThan(50);
      expect(Number(await opened.page.getAttribute('html', 'data-charts-drawn'))).toBe(
        pixels.length,
      );

      // Every verdict's message is on the page as text, with its state.
      const text = await opened.page.innerText('main');
      const verdicts = report.tests.flatMap((t) => t.verdicts);
      expect(verdicts.length).toBeGreaterThanOrEqual(5);
      for (const v of verdicts) expect(text).toContain(v.message);
      expect(await opened.page.locator('table.verdicts .badge.fail').count()).toBe(
        verdicts.filter((v) => !v.pass).length,
      );
      // The test name with markup characters is text, not markup.
      expect(await opened.page.locator('nav.index a').first().innerText()).toBe(
        `spike <b>&"'</b> through chaos, with server metrics`,
      );
      expect(await opened.page.locator('nav.index .badge').allInnerTexts()).toEqual([
        'failed',
        'passed',
        'passed',
        'skipped',
      ]);
      await checkJourneysSection(opened.page, report);
      // A hover shows the values of that second with units.
      await opened.page.locator('[data-chart="test-2-run-1-latency"] .u-over').hover();
      await expect
        .poll(() =>
          opened.page
            .locator(
              '[data-chart="test-2-run-1-latency"] .u-legend .u-series:nth-child(2) .u-value',
            )
            .innerText(),
        )
        .toMatch(/^[\d.,]+ ms$/);

      // Times are shown in the reader's local time by the page's script (UTC in the HTML itself).
      const times = await opened.page.locator('time').allInnerTexts();
      expect(times.length).toBeGreaterThan(0);
      for (const t of times) expect(t).not.toMatch(/UTC$/);
      // The print stylesheet applies: each test after the first starts a page.
      await opened.page.emulateMedia({ media: 'print' });
      expect(
        await opened.page.evaluate(
          "getComputedStyle(document.querySelectorAll('section.test')[1]).breakBefore",
        ),
      ).toBe('page');
      await opened.page.emulateMedia({ media: 'screen' });

      await mkdir(join(root, 'perf-results'), { recursive: true });
      const png = join(root, 'perf-results', 'perf-report.png');
      await opened.page.screenshot({ path: png, fullPage: true });
      expect((await stat(png)).size).toBeGreaterThan(10_000);
    } finally {
      await opened.browser.close();
    }
  }, 60_000);
});

// Pixels of the knee band's fill (rgba(0,114,178,0.45)): translucent, in the knee's blue.
const KNEE_PIXELS = `[...document.querySelectorAll('.chart[data-chart] canvas')].map((canvas) => {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let knee = 0;
  for (let i = 0; i < data.length; i += 4)
    if (data[i + 3] > 90 && data[i + 3] < 140 && data[i] < 30 && Math.abs(data[i + 1] - 114) < 30) knee++;
  return knee;
})`;

describe('a capacity search on perf-report.html in headless Chromium', () => {
  test('draws the capacity charts: series, knee band, and the load level on the x axis', async ({
    skip,
  }) => {
    if (!chromiumPath) console.warn(`capacity chart browser check skipped: ${NO_CHROMIUM}`);
    skip(!chromiumPath, NO_CHROMIUM);
    // A fit whose predicted peak (35 users) lies inside the levels (10..40): it is marked.
    const usl = {
      lambda: 10.2,
      sigma: 0.02,
      kappa: 0.0008,
      peakUsers: 35,
      peakRps: 233.3,
      rSquared: 0.9,
    };
    const record = { ...testRecord('capacity search', []), capacity: [capacityResult({ usl })] };
    const file = join(out, 'capacity.html');
    await writeFile(file, buildHtmlReport(reportOf([record])));
    const opened = await openReport(chromiumPath!, file);
    try {
      expect(opened.consoleErrors).toEqual([]);
      const pixels = await chartPixels(opened.page);
      expect(pixels.map((p) => p.id)).toEqual([
        'test-1-capacity-1-throughput',
        'test-1-capacity-1-p95',
      ]);
      for (const p of pixels) expect(p.seriesColoured, p.id).toBeGreaterThan(50);
      for (const knee of (await opened.page.evaluate(KNEE_PIXELS)) as number[])
        expect(knee).toBeGreaterThan(50);
      // The predicted peak's band fills the plot's column at 35 users, and only there; the
      // measured throughput is a line joining its levels (drawn at 15 users, between 10 and 20).
      const column = async (users: number, match: string) =>
        (await opened.page.evaluate(columnPixels(users, match))) as {
          count: number;
          height: number;
        };
      const atPeak = await column(35, PEAK_FILL);
      expect(atPeak.count).toBeGreaterThan(atPeak.height / 2);
      expect((await column(15, PEAK_FILL)).count).toBeLessThan(10);
      expect((await column(15, THROUGHPUT_LINE)).count).toBeGreaterThan(0);
      await checkSmoothUsl(opened.page);
      const chart = '[data-chart="test-1-capacity-1-p95"]';
      await opened.page.locator(`${chart} .u-over`).hover();
      await expect
        .poll(() =>
          opened.page.locator(`${chart} .u-legend .u-series:first-child .u-value`).innerText(),
        )
        .toMatch(/^[\d.,]+ users$/);
      const text = await opened.page.innerText('main');
      expect(text).toContain('breaking point: 36 users (95%: passes at 36, fails at 37 on p95)');
      expect(text).toContain('What saturated first');
    } finally {
      await opened.browser.close();
    }
  }, 60_000);
});

describe('vitest-stress report', () => {
  test('rebuilds the same page from the JSON the reporter wrote', async () => {
    const rebuilt = join(out, 'rebuilt.html');
    const cli = await exec(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        join(root, 'src/cli/main.ts'),
        'report',
        join(out, 'perf-results.json'),
        '-o',
        rebuilt,
      ],
      { cwd: root },
    );
    expect(cli.stdout).toMatch(/4 tests → .*rebuilt\.html \(\d+ KiB\)/);
    expect(await readFile(rebuilt, 'utf8')).toBe(
      await readFile(join(out, 'perf-report.html'), 'utf8'),
    );
  }, 60_000);
});
