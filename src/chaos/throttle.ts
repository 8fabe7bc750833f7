import { setTimeout as sleep } from 'node:timers/promises';

// Ten slices a second: smooth enough to look like a slow network, few enough timers to be cheap.
const SLICES_PER_SECOND = 10;

/**
 * A pipeline stage that passes bytes through at `bytesPerSecond`, in slices sent on a fixed
 * schedule from the first byte (so timer lateness does not accumulate). `signal` stops it.
 */
export function throttle(bytesPerSecond: number, signal: AbortSignal) {
  const sliceBytes = Math.max(1, Math.ceil(bytesPerSecond / SLICES_PER_SECOND));
  return async function* trickle(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let startMs: number | undefined;
    let sentBytes = 0;
    for await (const chunk of source) {
      for (let offset = 0; offset < chunk.length; offset += sliceBytes) {
        startMs ??= Date.now();
        const dueMs = startMs + (sentBytes / bytesPerSecond) * 1000;
        const waitMs = dueMs - Date.now();
        if (waitMs > 0) await sleep(waitMs, undefined, { signal });
        const slice = chunk.subarray(offset, offset + sliceBytes);
        sentBytes += slice.length;
        yield slice;
      }
    }
  };
}
