import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { Exchange, ForwardOptions } from './exchange.js';
import type { FaultLogEntry } from './fault-log.js';
import { forwardRequest } from './forward.js';

export interface ExchangeContext {
  /** Keep-alive connections to the target's origin. */
  upstream: Dispatcher;
  /** The target's base path without a trailing slash. */
  basePath: string;
  /** The target's host, sent as Host. */
  host: string;
  random: () => number;
  /** Aborted by the proxy's close(). */
  proxySignal: AbortSignal;
  /** The log entry this exchange fills in (status, upstream status, Retry-After, end). */
  entry: FaultLogEntry;
}

/** Reset a socket with a TCP RST where the platform allows, else just destroy it. */
export function resetSocket(socket: Socket | null): void {
  if (!socket || socket.destroyed) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** Whether an exchange is over (its client gone or the proxy closed), and a signal of it. */
interface ExchangeEnd {
  isOver(): boolean;
  /** Aborted when the exchange is over; made on the first call. */
  signal(): AbortSignal;
}

function watchEnd(res: ServerResponse, proxySignal: AbortSignal): ExchangeEnd {
  let clientGone = false;
  // The exchange's signal (client gone or proxy closed) is made on first use: a plain forward
  // never needs one, and an AbortController with its listener costs more than the rest of it.
  let ended: AbortController | undefined;
  const abort = () => ended!.abort();
  res.once('close', () => {
    clientGone = true;
    if (!ended) return;
    proxySignal.removeEventListener('abort', abort);
    abort();
  });
  return {
    isOver: () => clientGone || proxySignal.aborted,
    signal: () => {
      if (!ended) {
        ended = new AbortController();
        if (clientGone || proxySignal.aborted) ended.abort();
        else proxySignal.addEventListener('abort', abort, { once: true });
      }
      return ended.signal;
    },
  };
}

/**
 * The answer's status and Retry-After into the log entry. writeHead(status, object) does not keep
 * headers for getHeader(), so callers pass Retry-After.
 */
function noteAnswer(entry: FaultLogEntry, status: number, retryAfter: string | undefined): void {
  entry.status = status;
  if (retryAfter !== undefined) entry.retryAfter = retryAfter;
}

/** Forward the request (trickled at `bytesPerSecond` when given); log the upstream's and the client's status. */
async function forwardAndLog(
  req: IncomingMessage,
  res: ServerResponse,
  context: ExchangeContext,
  { bytesPerSecond }: ForwardOptions,
  signal: () => AbortSignal,
): Promise<void> {
  const { entry } = context;
  const outcome = await forwardRequest(req, res, {
    upstream: context.upstream,
    basePath: context.basePath,
    host: context.host,
    proxySignal: context.proxySignal,
    trickle: bytesPerSecond === undefined ? undefined : { bytesPerSecond, signal: signal() },
    onUpstreamError: () => (entry.end = 'upstream-error'),
  });
  if (outcome.upstreamStatus !== undefined) entry.upstreamStatus = outcome.upstreamStatus;
  if (res.headersSent) noteAnswer(entry, res.statusCode, outcome.retryAfter);
}

/** The Exchange a fault acts on, writing what happens into the request's log entry. */
export function createExchange(
  req: IncomingMessage,
  res: ServerResponse,
  context: ExchangeContext,
): Exchange {
  const { entry, proxySignal } = context;
  const { isOver, signal } = watchEnd(res, proxySignal);
  return {
    req,
    res,
    random: context.random,
    get signal() {
      return signal();
    },
    async forward(options: ForwardOptions = {}) {
      if (!isOver()) await forwardAndLog(req, res, context, options, signal);
    },
    answer(status, headers, body) {
      if (isOver() || res.headersSent) return;
      res.writeHead(
        status,
        body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      );
      noteAnswer(
        entry,
        status,
        Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1],
      );
      res.end(body);
    },
    reset() {
      entry.end = 'reset';
      resetSocket(req.socket);
    },
    async sleep(ms) {
      if (isOver()) return;
      await sleep(ms, undefined, { signal: signal() }).catch(() => undefined);
    },
    async hold() {
      if (!isOver()) {
        const held = signal();
        await new Promise<void>((resolve) =>
          held.addEventListener('abort', () => resolve(), { once: true }),
        );
      }
      // A held request released by close() must not linger: end its connection.
      if (proxySignal.aborted) resetSocket(req.socket);
    },
  };
}
