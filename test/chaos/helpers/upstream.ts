import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/** 1 MiB of deterministic bytes, for byte-identical checks. */
export const BIG_BODY = Buffer.from(
  Array.from({ length: 1 << 20 }, (_, i) => (i * 31 + (i >> 8)) & 0xff),
);

/** What the upstream received, for header checks. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A tiny upstream with one route per behaviour; records every request it saw. */
export interface Upstream {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

const ROUTES: Record<string, (req: IncomingMessage, res: ServerResponse, body: Buffer) => void> = {
  '/': (_req, res) => res.end('ok'),
  '/big': (_req, res) => res.end(BIG_BODY),
  '/chunked': (_req, res) => {
    // No content-length: Node answers with Transfer-Encoding: chunked.
    for (let i = 0; i < 8; i++) res.write(BIG_BODY.subarray(i * 1000, (i + 1) * 1000));
    res.end();
  },
  '/echo': (req, res, body) =>
    res
      .writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' })
      .end(body),
  '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '1' }).end('busy'),
  '/limited': (_req, res) => res.writeHead(429).end('slow down'),
  '/broken': (_req, res) => res.writeHead(500).end('broken'),
  '/headers': (_req, res) =>
    res.writeHead(200, { 'x-upstream': 'yes', 'set-cookie': ['a=1', 'b=2'] }).end('h'),
};

/** Start the upstream on 127.0.0.1 (ephemeral port). */
export async function startUpstream(): Promise<Upstream> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    seen.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
    const route = ROUTES[(req.url ?? '/').split('?')[0]];
    if (route) route(req, res, body);
    else res.writeHead(404).end('not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
