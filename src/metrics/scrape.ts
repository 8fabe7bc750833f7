import http from 'node:http';
import https from 'node:https';

/** Largest /metrics body read, bytes: a bigger one is a failed scrape, not an out-of-memory. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const ACCEPT = 'text/plain;version=0.0.4;q=1,*/*;q=0.1';

/** An HTTP(S) agent for one sampler: one keep-alive connection, closed by destroy(). */
export function scrapeAgent(url: URL): http.Agent {
  const options = { keepAlive: true, maxSockets: 1 };
  return url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}

/**
 * GET `url` and resolve with the body of a 200 answer. Rejects with a short message for a
 * non-200 status, a body over MAX_BODY_BYTES, no answer within `timeoutMs`, a network error,
 * or when `signal` aborts (then with `signal.reason`).
 */
export function scrapeText(
  url: URL,
  { agent, timeoutMs, signal }: { agent: http.Agent; timeoutMs: number; signal: AbortSignal },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? https.get : http.get;
    let settled = false;
    const finish = (error: Error | undefined, body?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (error) {
        req.destroy();
        reject(error);
      } else {
        resolve(body!);
      }
    };
    const onAbort = () =>
      finish(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    const req = get(url, { agent, headers: { accept: ACCEPT } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        finish(new Error(`HTTP ${res.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES)
          finish(new Error(`metrics body larger than ${MAX_BODY_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => finish(undefined, Buffer.concat(chunks).toString('utf8')));
      res.on('error', (err) => finish(err));
      res.on('close', () => {
        if (!res.complete) finish(new Error('connection closed before the body ended'));
      });
    });
    req.on('error', (err) => finish(err));
    const timer = setTimeout(() => finish(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
