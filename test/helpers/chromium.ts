import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium), or undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  return candidates.find((p) => existsSync(p));
}

/** Why browser checks skip where no Chromium exists. */
export const NO_CHROMIUM =
  "no Chromium found: set CHROMIUM_PATH or install Debian's chromium (apt-get install -y chromium)";

/** An opened page and everything that went wrong while it loaded. */
export interface OpenedPage {
  browser: Browser;
  page: Page;
  /** console.error messages and uncaught page errors. */
  consoleErrors: string[];
  /** Requests that failed, and any request that left file:// at all (the page must need no network). */
  requests: { failed: string[]; external: string[] };
  /** ms from navigation until the page's script marked every chart drawn (its own clock). */
  renderMs: number;
}

/** Open `file` (an absolute path) in headless Chromium and wait until the page's script has drawn its charts. */
export async function openReport(
  executablePath: string,
  file: string,
  viewport = { width: 1280, height: 900 },
): Promise<OpenedPage> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport });
    const consoleErrors: string[] = [];
    const requests = { failed: [] as string[], external: [] as string[] };
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => requests.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file://') && !r.url().startsWith('data:'))
        requests.external.push(r.url());
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    await page.waitForFunction(
      "document.documentElement.hasAttribute('data-charts-drawn')",
      undefined,
      { timeout: 30_000 },
    );
    const renderMs = Number(
      await page.evaluate("document.documentElement.getAttribute('data-render-ms')"),
    );
    return { browser, page, consoleErrors, requests, renderMs };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Per chart: pixels drawn at all (not transparent) and pixels in one of its series' colours. */
export interface ChartPixels {
  id: string;
  drawn: number;
  seriesColoured: number;
}

// A string, not a function: tsx and Vite may wrap functions in helpers (__name) the page lacks.
const COUNT_PIXELS = `(() => {
  const specs = JSON.parse(document.getElementById('chart-data').textContent).charts;
  return [...document.querySelectorAll('.chart[data-chart]')].map((el) => {
    const id = el.dataset.chart;
    const colours = specs.find((s) => s.id === id).series.map((s) => [1, 3, 5].map((i) => \
parseInt(s.color.slice(i, i + 2), 16)));
    const canvas = el.querySelector('canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    let seriesColoured = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      drawn++;
      if (data[i + 3] > 200 && colours.some((c) => Math.abs(c[0] - data[i]) + Math.abs(c[1] - \
data[i + 1]) + Math.abs(c[2] - data[i + 2]) < 30)) seriesColoured++;
    }
    return { id, drawn, seriesColoured };
  });
})()`;

/**
 * Count each chart canvas's drawn pixels and the pixels close to its series colours (from the
 * page's own chart data).
 */
export function chartPixels(page: Page): Promise<ChartPixels[]> {
  return page.evaluate(COUNT_PIXELS) as Promise<ChartPixels[]>;
}
