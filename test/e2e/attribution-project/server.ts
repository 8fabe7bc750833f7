import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** A loopback server answering '/slow…' in 40 ms and anything else in 5 ms; `url()` after beforeAll. */
export function useServer(): { url: () => string } {
  let server: http.Server | undefined;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) =>
      setTimeout(() => res.end('ok'), req.url?.startsWith('/slow') ? 40 : 5),
    );
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );
  return { url: () => base };
}
