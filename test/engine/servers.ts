import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running fixture server. */
export interface FixtureServer {
  url: string;
  /** Requests received so far. */
  readonly received: number;
  /** Client sockets open now. */
  readonly openSockets: number;
  close(): Promise<void>;
}

/** How the fixture answers one request; call `respond` when ready. */
type Behaviour = (
  respond: () => void,
  req: import('node:http').IncomingMessage,
  res: import('node:http').ServerResponse,
) => void;

async function start(behaviour: Behaviour): Promise<FixtureServer> {
  let received = 0;
  const server: Server = createServer((req, res) => {
    received++;
    req.resume();
    behaviour(
      () => {
        if (!res.destroyed) res.end('ok');
      },
      req,
      res,
    );
  });
  server.keepAliveTimeout = 30_000;
  let openSockets = 0;
  server.on('connection', (socket) => {
    openSockets++;
    socket.on('close', () => openSockets--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get received() {
      return received;
    },
    get openSockets() {
      return openSockets;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers at once. */
export const fastServer = () => start((respond) => respond());

/** Answers after `ms`. */
export const slowServer = (ms: number) => start((respond) => setTimeout(respond, ms));

/** Never answers. */
export const hangingServer = () => start(() => {});

/** Destroys the socket without answering. */
export const resettingServer = () => start((_respond, req) => req.socket.destroy());

/**
 * Stalls `stallMs` in every `periodMs`: a request that arrives during the stall window
 * (the last `stallMs` of each period, counted from the server's start) is answered when the
 * window ends; any other is answered at once.
 */
export function stallingServer(periodMs: number, stallMs: number): Promise<FixtureServer> {
  const t0 = performance.now();
  return start((respond) => {
    const intoPeriod = (performance.now() - t0) % periodMs;
    const stallStart = periodMs - stallMs;
    if (intoPeriod < stallStart) respond();
    else setTimeout(respond, periodMs - intoPeriod);
  });
}
