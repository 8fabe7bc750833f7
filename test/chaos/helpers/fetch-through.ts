import { request } from 'node:http';

/** What one request through the proxy came back with. */
export interface Fetched {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body?: Buffer;
  /** Error code (ECONNRESET, ...) or 'timeout'. */
  error?: string;
  elapsedMs: number;
}

/**
 * One request with node:http (a fresh connection each time, so one reset never spoils the next),
 * ending as 'timeout' after `timeoutMs`.
 */
export function fetchThrough(
  url: string,
  {
    id,
    method = 'GET',
    body,
    headers = {},
    timeoutMs = 2000,
  }: {
    id?: string;
    method?: string;
    body?: Buffer | string;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<Fetched> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (f: Omit<Fetched, 'elapsedMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...f, elapsedMs: performance.now() - started });
    };
    const req = request(
      url,
      { method, agent: false, headers: { ...headers, ...(id ? { 'x-request-id': id } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', (e: NodeJS.ErrnoException) =>
          done({ status: res.statusCode, error: e.code ?? e.message }),
        );
      },
    );
    // A deadline for the whole exchange (req.setTimeout is an idle timeout: a trickle resets it).
    const timer = setTimeout(() => {
      req.destroy();
      done({ error: 'timeout' });
    }, timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e: NodeJS.ErrnoException) => done({ error: e.code ?? e.message }));
    req.end(body);
  });
}
