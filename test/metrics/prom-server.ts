import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A loopback server answering GET /metrics with `body()`; anything else 404. */
export interface PromServer {
  /** The /metrics URL. */
  url: string;
  /** Requests to /metrics so far. */
  scrapes(): number;
  /** Open TCP connections right now. */
  connections(): number;
  close(): Promise<void>;
}

/** Serve `body()` (text, or a status number to answer with) at /metrics on 127.0.0.1. */
export async function servePrometheus(
  body: () => string | number | Promise<string | number>,
  { port = 0 } = {},
): Promise<PromServer> {
  const sockets = new Set<Socket>();
  let scrapes = 0;
  const server = http.createServer(async (req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    scrapes++;
    const answer = await body();
    if (typeof answer === 'number') res.writeHead(answer).end();
    else
      res
        .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
        .end(answer);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/metrics`,
    scrapes: () => scrapes,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
