import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { parseExposition, type MetricFamily } from '../metrics/exposition.js';
import { scrapeAgent, scrapeText } from '../metrics/scrape.js';
import type { SettleReport } from './capacity-types.js';

/** Gauges that count work the target still holds: in flight, busy workers, queued. */
const HELD = /inflight|in_flight|_busy$|queue|queued/;
/** Limits and configuration, not work held. */
const NOT_HELD = /_(max|limit)$/;
const POLL_MS = 50;

/** The work the target holds now: the sum of its held-work gauges, from one scrape. */
export function heldWork(families: readonly MetricFamily[]): number {
  let sum = 0;
  for (const family of families) {
    if (family.type !== 'gauge' && family.type !== 'untyped') continue;
    if (!HELD.test(family.name) || NOT_HELD.test(family.name)) continue;
    for (const s of family.samples) if (Number.isFinite(s.value)) sum += s.value;
  }
  return sum;
}

async function heldNow(urls: readonly string[], signal: AbortSignal): Promise<number | string> {
  let sum = 0;
  for (const href of urls) {
    const url = new URL(href);
    const agent = scrapeAgent(url);
    try {
      const text = await scrapeText(url, { agent, timeoutMs: 1000, signal });
      sum += heldWork(parseExposition(text));
    } catch (error) {
      return `${href}: ${(error as Error)?.message ?? String(error)}`;
    } finally {
      agent.destroy();
    }
  }
  return sum;
}

/**
 * Between levels: poll the targets' /metrics (every 50 ms) until their in-flight, busy and queue
 * gauges are all 0 or `timeoutMs` has passed, then wait `quietMs`. The requests the last level
 * left at the target (its drain grace over, the client gave up on them) then finish before the
 * next level, and never add to its latency. Without metrics it waits `quietMs` and says so.
 */
export async function drainTarget(
  urls: readonly string[],
  { timeoutMs, quietMs }: { timeoutMs: number; quietMs: number },
  signal: AbortSignal,
): Promise<SettleReport> {
  const started = performance.now();
  const report: SettleReport = { drained: false, heldAtStart: null, heldAtEnd: null, waitedMs: 0 };
  if (urls.length === 0) report.reason = 'no /metrics to read the target in flight from';
  while (urls.length > 0 && !signal.aborted) {
    const held = await heldNow(urls, signal);
    if (typeof held === 'string') {
      report.reason = `could not read what the target holds: ${held}`;
      break;
    }
    report.heldAtStart ??= held;
    report.heldAtEnd = held;
    if (held === 0) {
      report.drained = true;
      break;
    }
    if (performance.now() - started >= timeoutMs) {
      report.reason = `the target still held ${held} after ${timeoutMs} ms`;
      break;
    }
    await sleep(POLL_MS, undefined, { signal }).catch(() => undefined);
  }
  if (quietMs > 0) await sleep(quietMs, undefined, { signal }).catch(() => undefined);
  report.waitedMs = Math.round(performance.now() - started);
  return report;
}
