import { PrometheusStartError } from '../../errors.js';

const POLL_MS = 200;

interface TargetsAnswer {
  data?: { activeTargets?: Array<{ health?: string; scrapePool?: string }> };
}

/**
 * Wait until Prometheus has scraped each of its `expected` targets once (health 'up' or 'down',
 * no longer 'unknown'). Prometheus applies a new config's targets on a 5 s reload tick, so a
 * query sent right after /-/ready can find no series at all. Throws PrometheusStartError on timeout.
 */
export async function waitForFirstScrapes(
  url: string,
  expected: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/v1/targets?state=active`, {
        signal: AbortSignal.timeout(1000),
      });
      const targets = ((await res.json()) as TargetsAnswer).data?.activeTargets ?? [];
      last =
        targets.map((t) => `${t.scrapePool}: ${t.health}`).join(', ') || 'no active targets yet';
      if (
        targets.length >= expected &&
        targets.every((t) => t.health === 'up' || t.health === 'down')
      )
        return;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new PrometheusStartError(
    `prometheus at ${url} had not scraped its ${expected} target(s) within ${timeoutMs} ms (${last})`,
  );
}
