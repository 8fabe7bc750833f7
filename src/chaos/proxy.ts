import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { once, setMaxListeners } from 'node:events';
import { Pool } from 'undici';
import { StressError } from '../errors.js';
import { createRandom } from '../random/random.js';
import { createExchange, resetSocket } from './create-exchange.js';
import { epochNowMs, type FaultLogEntry, type OutageWindow } from './fault-log.js';
import type { ResolvedFault } from './fault-options.js';
import { createFaultPicker } from './pick-fault.js';
import {
  resolveProxyOptions,
  type ChaosProxyOptions,
  type ResolvedProxyOptions,
} from './proxy-options.js';

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

/** What a proxy has seen: its log, its outages, its counts. */
interface ProxyBook {
  readonly entries: FaultLogEntry[];
  readonly windows: OutageWindow[];
  // Fault names are the user's strings ("__proto__" too): counted in a Map, made an object only
  // through Object.fromEntries, which defines own properties.
  readonly injected: Map<string, number>;
  inFlight: number;
  /** The outage in force, between down() and up(). */
  current: OutageWindow | undefined;
}

/**
 * The connections to the target. undici's Pool forwards with less work per request than
 * http.Agent (see docs/performance.md). As many connections as requests in flight, one request
 * each (no pipelining), like a browser; no headers/body timeouts, so a slow upstream is the
 * client's to time out, as with http.Agent. An https: upstream is verified as load() verifies its
 * target (the same `tls` option).
 */
function upstreamPool(resolved: ResolvedProxyOptions): Pool {
  return new Pool(resolved.target.origin, {
    connections: null,
    pipelining: 1,
    headersTimeout: 0,
    bodyTimeout: 0,
    ...(resolved.tls ? { connect: { ...resolved.tls } } : {}),
  });
}

/**
 * Log a request just received with the fault it gets ('down' during an outage): counted as
 * injected and in flight until its response closes, when its duration and end are set.
 */
function logRequest(
  book: ProxyBook,
  req: IncomingMessage,
  res: ServerResponse,
  chosen: ResolvedFault | undefined,
  idHeaderName: string,
  closing: AbortSignal,
): FaultLogEntry {
  const idHeader = req.headers[idHeaderName];
  const entry: FaultLogEntry = {
    id: Array.isArray(idHeader) ? idHeader[0] : idHeader,
    seq: book.entries.length + 1,
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    fault: book.current ? 'down' : (chosen?.name ?? 'none'),
    receivedAtMs: epochNowMs(),
  };
  if (!book.current && chosen) entry.faultType = chosen.type;
  book.entries.push(entry);
  book.injected.set(entry.fault, (book.injected.get(entry.fault) ?? 0) + 1);
  book.inFlight++;
  res.on('close', () => {
    book.inFlight--;
    entry.durationMs = Math.round((epochNowMs() - entry.receivedAtMs) * 1000) / 1000;
    entry.end ??= res.writableFinished
      ? 'answered'
      : closing.aborted
        ? 'proxy-closed'
        : 'client-closed';
  });
  return entry;
}

/**
 * Listen on an ephemeral 127.0.0.1 port, keeping every open socket in `sockets`; the port.
 * Throws ERR_STRESS_PROXY when it cannot listen.
 */
async function listen(server: Server, sockets: Set<Socket>): Promise<number> {
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
  return (server.address() as AddressInfo).port;
}

/** Stop listening, close every socket and the upstream pool; resolves once each socket has closed. */
async function shutDown(server: Server, sockets: Set<Socket>, upstream: Pool): Promise<void> {
  const stopped = once(server, 'close');
  // Every socket still in the set is open; wait for each to report closed, so stats() reads 0.
  const socketsClosed = [...sockets].map((socket) => once(socket, 'close'));
  server.close();
  server.closeAllConnections();
  for (const socket of sockets) socket.destroy();
  await Promise.all([stopped, ...socketsClosed, upstream.destroy()]);
}

/** The proxy's down() / up() switch and its record of outages. */
function outageSwitch(book: ProxyBook): Pick<ChaosProxy, 'down' | 'up' | 'outages'> {
  return {
    outages: () => book.windows.map((w) => ({ ...w })),
    down() {
      if (book.current) return;
      book.current = { downAtMs: epochNowMs(), upAtMs: undefined, requests: 0 };
      book.windows.push(book.current);
    },
    up() {
      if (!book.current) return;
      book.current.upAtMs = epochNowMs();
      book.current = undefined;
    },
  };
}

/** What every request through one proxy shares. */
interface ProxyShared {
  readonly book: ProxyBook;
  readonly pick: () => ResolvedFault | undefined;
  readonly resolved: ResolvedProxyOptions;
  readonly upstream: Pool;
  /** The target's base path, no trailing slash. */
  readonly basePath: string;
  /** The jitter stream. */
  readonly random: () => number;
  /** Aborted by close(). */
  readonly closing: AbortSignal;
}

/** One request: log it, then reset it (closing, outage), apply its fault or forward it. */
async function handleRequest(
  shared: ProxyShared,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { book, resolved, closing } = shared;
  const chosen = shared.pick();
  const entry = logRequest(book, req, res, chosen, resolved.requestIdHeader, closing);
  if (closing.aborted) return resetSocket(req.socket);
  if (book.current) {
    book.current.requests++;
    entry.end = 'reset';
    return resetSocket(req.socket);
  }
  const exchange = createExchange(req, res, {
    upstream: shared.upstream,
    basePath: shared.basePath,
    host: resolved.target.host,
    random: shared.random,
    proxySignal: closing,
    entry,
  });
  try {
    if (chosen) await chosen.definition.apply(chosen.params, exchange);
    else await exchange.forward();
  } catch {
    // A fault that throws must not take the proxy down; the client sees its connection end.
    resetSocket(req.socket);
  }
}

/**
 * Start an HTTP proxy on 127.0.0.1 (ephemeral port) in front of `target` that applies at most
 * one fault per request, picked by rate with a seeded RNG, and logs what it did by request id.
 * Throws a coded option error for bad options; ERR_STRESS_PROXY when it cannot listen.
 */
export async function chaosProxy(options: ChaosProxyOptions): Promise<ChaosProxy> {
  const resolved = resolveProxyOptions(options);
  const closing = new AbortController();
  // Every held or delayed request listens for close(): thousands of listeners are expected.
  setMaxListeners(0, closing.signal);
  const book: ProxyBook = {
    entries: [],
    windows: [],
    injected: new Map(),
    inFlight: 0,
    current: undefined,
  };
  const shared: ProxyShared = {
    book,
    pick: createFaultPicker(resolved.faults, resolved.seed),
    resolved,
    upstream: upstreamPool(resolved),
    basePath: resolved.target.pathname.replace(/\/+$/, ''),
    // Jitter draws come from their own stream so they never shift the fault picks.
    random: createRandom(resolved.seed ^ 0x5bd1e995),
    closing: closing.signal,
  };
  const server = createServer(
    { keepAliveTimeout: 5_000 },
    (req, res) => void handleRequest(shared, req, res),
  );
  const sockets = new Set<Socket>();
  const port = await listen(server, sockets);
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
      requests: book.entries.length,
      inFlight: book.inFlight,
      connections: sockets.size,
      injected: Object.fromEntries(book.injected),
      down: book.current !== undefined,
    }),
    log: () => book.entries.map((e) => ({ ...e })),
    ...outageSwitch(book),
    close() {
      closing.abort();
      closed ??= shutDown(server, sockets, shared.upstream);
      return closed;
    },
  };
}
