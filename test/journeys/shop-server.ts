import { startServer, type FixtureServer } from '../helpers/servers.js';

/** A login → token → create → fetch service, with its own count per route. */
export interface ShopServer extends FixtureServer {
  /** Requests per route: 'POST /login', 'POST /orders', 'GET /orders/:id'. */
  counts: Map<string, number>;
  /** Request ids seen per route. */
  ids: Map<string, string[]>;
  /** Make POST /orders answer this status (0 = normal). */
  failOrdersWith: number;
}

function bump(server: ShopServer, route: string, id: unknown) {
  server.counts.set(route, (server.counts.get(route) ?? 0) + 1);
  if (!server.ids.has(route)) server.ids.set(route, []);
  server.ids.get(route)!.push(String(id));
}

/**
 * POST /login { user } → 200 { token }, Set-Cookie: session=<user>; POST /orders (Bearer token)
 * → 201 { id }, Location; GET /orders/:id → 200 { id, owner } only with the session cookie (401 without).
 */
export async function startShopServer(): Promise<ShopServer> {
  let nextOrder = 0;
  const orders = new Map<string, string>();
  const shop = { counts: new Map(), ids: new Map(), failOrdersWith: 0 } as unknown as ShopServer;
  const base = await startServer((req, res, body) => {
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const id = req.headers['x-request-id'];
    if (req.method === 'POST' && req.url === '/login') {
      bump(shop, 'POST /login', id);
      const user = String((JSON.parse(body || '{}') as { user?: string }).user ?? 'anon');
      return send(
        200,
        { token: `t-${user}` },
        { 'set-cookie': `session=${user}; Path=/; HttpOnly` },
      );
    }
    if (req.method === 'POST' && req.url === '/orders') {
      bump(shop, 'POST /orders', id);
      if (shop.failOrdersWith) return send(shop.failOrdersWith, { error: 'no' });
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer t-')) return send(401, { error: 'no token' });
      const orderId = `o${++nextOrder}`;
      orders.set(orderId, auth.slice('Bearer t-'.length));
      return send(201, { id: orderId, total: 3 }, { location: `/orders/${orderId}` });
    }
    const match = /^\/orders\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && match) {
      bump(shop, 'GET /orders/:id', id);
      const session = /session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const owner = orders.get(match[1]);
      if (!session || session !== owner) return send(401, { error: 'no session' });
      return send(200, { id: match[1], owner });
    }
    send(404, { error: 'no route' });
  });
  return Object.assign(shop, base);
}
