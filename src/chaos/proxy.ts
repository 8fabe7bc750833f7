import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { once, setMaxListeners } from 'node:events';
import { Pool } from 'undici';
import { StressError } from '../errors.js';
import { createRandom } from '../random/random.js';
import { createExchange, resetSocket } from './create-exchange.js';
import { epochNowMs, type FaultLogEntry, type OutageWindow } from './fault-log.js';
import { createFaultPicker } from './pick-fault.js';
import { resolveProxyOptions, type ChaosProxyOptions } from './proxy-options.js';

/** Live figures of a proxy. */
export interface ChaosProxyStats {
  /** Requests received so far. */
  requests: number;
  /** Requests not finished yet (held ones included). */
  inFlight: number;
  /** Client connections open now. */
  connections: number;
  /** Requests per applied fault name, 'none' and 'down' included. */
  injected: Record<string, number>;
  /** True between down() and up(). */
  down: boolean;
}

/** One fault as configured, for reports. */
export interface ChaosFaultInfo {
  name: string;
  type: string;
  rate: number;
  description: string;
}

/** A running fault-injecting proxy. */
export interface ChaosProxy {
  /** Base URL of the proxy, e.g. 'http://127.0.0.1:40123' (the target's base path is added upstream). */
  readonly url: string;
  /** The seed in force (given or drawn): the same seed gives the same pick to the n-th request. */
  readonly seed: number;
  readonly faults: readonly ChaosFaultInfo[];
  stats(): ChaosProxyStats;
  /** The ground truth: one entry per request received, in arrival order (a copy). */
  log(): FaultLogEntry[];
  /** down() .. up() windows so far (a copy). */
  outages(): OutageWindow[];
  /** Start an outage: until up(), every new request's connection is reset (a network error). */
  down(): void;
  /** End the outage. */
  up(): void;
  /** Stop listening, end in-flight and held requests, close every socket and the upstream pool. */
  close(): Promise<void>;
}

/**
 * Start an HTTP proxy on 127.0.0.1 (ephemeral port) in front of `target` that applies at most
 * one fault per request, picked by rate with a seeded RNG, and logs what it did by request id.
 * Throws a coded option error for bad options; ERR_STRESS_PROXY when it cannot listen.
 */
export async function chaosProxy(options: ChaosProxyOptions): Promise<ChaosProxy> {
  const resolved = resolveProxyOptions(options);
  const pick = createFaultPicker(resolved.faults, resolved.seed);
  // Jitter draws come from their own stream so they never shift the fault picks.
  const random = createRandom(resolved.seed ^ 0x5bd1e995);
  // undici's Pool forwards with less work per request than http.Agent (see docs/performance.md).
  // As many connections as requests in flight, one request each (no pipelining), like a browser;
  // no headers/body timeouts, so a slow upstream is the client's to time out, as with http.Agent.
  // An https: upstream is verified as load() verifies its target (the same `tls` option).
  const upstream = new Pool(resolved.target.origin, {
    connections: null,
    pipelining: 1,
    headersTimeout: 0,
    bodyTimeout: 0,
    ...(resolved.tls ? { connect: { ...resolved.tls } } : {}),
  });
  const basePath = resolved.target.pathname.replace(/\/+$/, '');
  const closing = new AbortController();
  // Every held or delayed request listens for close(): thousands of listeners are expected.
  setMaxListeners(0, closing.signal);
  const sockets = new Set<Socket>();
  const entries: FaultLogEntry[] = [];
  const windows: OutageWindow[] = [];
  // Fault names are the user's strings ("__proto__" too): counted in a Map, made an object only
  // through Object.fromEntries, which defines own properties.
  const injected = new Map<string, number>();
  let inFlight = 0;
  let current: OutageWindow | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chosen = pick();
    const idHeader = req.headers[resolved.requestIdHeader];
    const entry: FaultLogEntry = {
      id: Array.isArray(idHeader) ? idHeader[0] : idHeader,
      seq: entries.length + 1,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      fault: current ? 'down' : (chosen?.name ?? 'none'),
      receivedAtMs: epochNowMs(),
    };
    if (!current && chosen) entry.faultType = chosen.type;
    entries.push(entry);
    injected.set(entry.fault, (injected.get(entry.fault) ?? 0) + 1);
    inFlight++;
    res.on('close', () => {
      inFlight--;
      entry.durationMs = Math.round((epochNowMs() - entry.receivedAtMs) * 1000) / 1000;
      entry.end ??= res.writableFinished
        ? 'answered'
        : closing.signal.aborted
          ? 'proxy-closed'
          : 'client-closed';
    });
    if (closing.signal.aborted) return resetSocket(req.socket);
    if (current) {
      current.requests++;
      entry.end = 'reset';
      return resetSocket(req.socket);
    }
    const exchange = createExchange(req, res, {
      upstream,
      basePath,
      host: resolved.target.host,
      random,
      proxySignal: closing.signal,
      entry,
    });
    try {
      if (chosen) await chosen.definition.apply(chosen.params, exchange);
      else await exchange.forward();
    } catch {
      // A fault that throws must not take the proxy down; the client sees its connection end.
      resetSocket(req.socket);
    }
  };

  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => void handle(req, res));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  try {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  } catch (error) {
    throw new StressError(
      'ERR_STRESS_PROXY',
      `chaos proxy could not listen on 127.0.0.1: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    seed: resolved.seed,
    faults: resolved.faults.map(({ name, type, rate, description }) => ({
      name,
      type,
      rate,
      description,
    })),
    stats: () => ({
      requests: entries.length,
      inFlight,
      connections: sockets.size,
      injected: Object.fromEntries(injected),
      down: current !== undefined,
    }),
    log: () => entries.map((e) => ({ ...e })),
    outages: () => windows.map((w) => ({ ...w })),
    down() {
      if (current) return;
      current = { downAtMs: epochNowMs(), upAtMs: undefined, requests: 0 };
      windows.push(current);
    },
    up() {
      if (!current) return;
      current.upAtMs = epochNowMs();
      current = undefined;
    },
    close() {
      closed ??= (async () => {
        closing.abort();
        const stopped = once(server, 'close');
        // Every socket still in the set is open; wait for each to report closed, so stats() reads 0.
        const socketsClosed = [...sockets].map((socket) => once(socket, 'close'));
        server.close();
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        await Promise.all([stopped, ...socketsClosed, upstream.destroy()]);
      })();
      return closed;
    },
  };
}
