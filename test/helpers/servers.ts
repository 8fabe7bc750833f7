import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A fixture server for one behaviour, with what it saw. */
export interface FixtureServer {
  url: string;
  /** x-request-id headers received, in order. */
  seenIds: string[];
  /** Open TCP connections right now. */
  connections(): number;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/** Start a loopback server that runs `handler` after reading each request body. */
export async function startServer(handler: Handler): Promise<FixtureServer> {
  const sockets = new Set<Socket>();
  const seenIds: string[] = [];
  const server = http.createServer((req, res) => {
    const id = req.headers['x-request-id'];
    if (typeof id === 'string') seenIds.push(id);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString()));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seenIds,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers 200 after `delayMs`. */
export const okServer = (delayMs = 0) =>
  startServer((_req, res) => (delayMs ? setTimeout(() => res.end('ok'), delayMs) : res.end('ok')));

/** Reads the request and never answers. */
export const hangingServer = () => startServer(() => undefined);

/** Destroys the socket instead of answering. */
export const destroyingServer = () => startServer((req) => req.socket.destroy());

/** A URL on which nothing listens (a port that was just freed). */
export async function downUrl(): Promise<string> {
  const s = await okServer();
  await s.close();
  return s.url;
}
