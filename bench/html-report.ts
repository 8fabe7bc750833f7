/**
 * HTML report bench (issue 13): `npx tsx bench/html-report.ts [perf-results.json] [--rounds=<n>]`.
 * Builds perf-report.html from a JSON report and opens it in headless Chromium `rounds` times
 * (default 5): page size, build time, and render time (navigation start until the page's script
 * has drawn every chart and a frame was painted, by the page's own clock). Cases:
 *
 * - smoke: the seven suites at STRESS_PROFILE=smoke (default: bench/fixtures/smoke-perf-results.json,
 *   committed from a real `STRESS_PROFILE=smoke npx vitest run --project perf`; pass another JSON to measure it);
 *   budget: under 2 MB and a median render under 2 s — the script exits 1 when either is missed;
 * - 50 × 30 min: 50 tests each with a 30-minute run (the real recorder, a scripted clock), to show
 *   thinning keeps long and wide reports small (reported, no budget).
 *
 * Skips (exit 0, with the reason) where no Chromium exists (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildHtmlReport } from '../src/reporters/html/page.js';
import { checkPerfResults } from '../src/reporters/html/read-report.js';
import type { PerfResultsFile } from '../src/contracts/perf-results.js';
import { findChromium, NO_CHROMIUM, openReport } from '../test/helpers/chromium.js';
import {
  reportOf,
  steadyRun,
  testRecord,
  verdict,
} from '../test/reporters/html/report-fixtures.js';

const args = process.argv.slice(2);
const ROUNDS = Number(args.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 5);
const INPUT =
  args.find((a) => !a.startsWith('--')) ??
  new URL('./fixtures/smoke-perf-results.json', import.meta.url).pathname;
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_RENDER_MS = 2000;

interface Measured {
  name: string;
  tests: number;
  charts: number;
  bytes: number;
  buildMs: number;
  renderMs: number[];
}

async function measure(
  name: string,
  report: PerfResultsFile,
  browser: string,
  dir: string,
): Promise<Measured> {
  const t0 = performance.now();
  const html = buildHtmlReport(report);
  const buildMs = performance.now() - t0;
  const file = path.join(dir, `${name.replace(/\W+/g, '-')}.html`);
  await writeFile(file, html);
  const renderMs: number[] = [];
  let charts = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const opened = await openReport(browser, file);
    try {
      if (opened.consoleErrors.length > 0)
        throw new Error(`${name}: console errors ${opened.consoleErrors.join('; ')}`);
      charts = Number(await opened.page.getAttribute('html', 'data-charts-drawn'));
      renderMs.push(opened.renderMs);
    } finally {
      await opened.browser.close();
    }
  }
  return {
    name,
    tests: report.tests.length,
    charts,
    bytes: Buffer.byteLength(html),
    buildMs,
    renderMs,
  };
}

function wideLongReport(): PerfResultsFile {
  const run = steadyRun(1800, { slowAtS: 900 });
  return reportOf(
    Array.from({ length: 50 }, (_, i) =>
      testRecord(`test ${i + 1}`, [structuredClone(run)], [verdict()]),
    ),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = findChromium();
if (!browser) {
  console.log(`html-report bench skipped: ${NO_CHROMIUM}`);
  process.exit(0);
}
const dir = await mkdtemp(path.join(os.tmpdir(), 'vs-html-bench-'));
const smoke = checkPerfResults(INPUT, JSON.parse(await readFile(INPUT, 'utf8')));
const results = [
  await measure('smoke (7 suites)', smoke, browser, dir),
  await measure('50 tests × 30 min', wideLongReport(), browser, dir),
];

console.log(
  `## HTML report — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ` +
    `load average ${os.loadavg()[0].toFixed(1)}, ${ROUNDS} rounds, input ` +
    `${path.relative(process.cwd(), INPUT)}\n`,
);
console.log('| case | tests | charts | page size | build | render median (min–max) |');
console.log('|---|---:|---:|---:|---:|---|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.tests} | ${r.charts} | ${(r.bytes / 1024).toFixed(0)} KiB | ` +
      `${r.buildMs.toFixed(0)} ms | ${median(r.renderMs)} ms ` +
      `(${Math.min(...r.renderMs)}–${Math.max(...r.renderMs)}) |`,
  );
}
const [s] = results;
const misses = [
  s.bytes >= MAX_BYTES ? `page ${s.bytes} bytes >= ${MAX_BYTES}` : '',
  median(s.renderMs) >= MAX_RENDER_MS
    ? `median render ${median(s.renderMs)} ms >= ${MAX_RENDER_MS} ms`
    : '',
].filter(Boolean);
console.log(
  misses.length > 0
    ? `\nBUDGET MISSED (smoke): ${misses.join('; ')}`
    : `\nsmoke within budget: < ${MAX_BYTES / 1024 / 1024} MB, median render < ${MAX_RENDER_MS} ms`,
);
process.exitCode = misses.length > 0 ? 1 : 0;
