const POLL_MS = 200;

/**
 * Wait until the reference service has no AI-core work in flight (its /metrics gauge
 * `ai_core_inflight_requests` reads 0), so one run's leftovers — requests the load cancelled
 * at its end but the service still computes — do not weigh on the next run's figures.
 * Gives up quietly after `maxWaitMs`, or at once when the target has no such gauge.
 */
export async function waitForIdle(target: string, maxWaitMs = 60_000): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  while (Date.now() < deadline) {
    let text: string;
    try {
      const response = await fetch(new URL('/metrics', target), {
        signal: AbortSignal.timeout(5000),
      });
      text = await response.text();
    } catch {
      return;
    }
    const match = /^ai_core_inflight_requests(?:\{[^}]*\})?\s+(\S+)/m.exec(text);
    if (!match || Number(match[1]) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  console.warn(
    `[vitest-stress] ${target} still had AI-core work in flight after ${maxWaitMs} ms; starting anyway`,
  );
}
