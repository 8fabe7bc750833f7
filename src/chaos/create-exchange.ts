import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Exchange, ForwardOptions } from './exchange.js';
import type { FaultLogEntry } from './fault-log.js';
import { forwardRequest } from './forward.js';

export interface ExchangeContext {
  target: URL;
  agent: Agent;
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

/** The Exchange a fault acts on, writing what happens into the request's log entry. */
export function createExchange(req: IncomingMessage, res: ServerResponse, context: ExchangeContext): Exchange {
  const { entry, proxySignal } = context;
  // One controller per request, aborted by whichever comes first; AbortSignal.any() is slow on Node 20.
  const ended = new AbortController();
  const abort = () => ended.abort();
  proxySignal.addEventListener('abort', abort, { once: true });
  res.on('close', () => {
    proxySignal.removeEventListener('abort', abort);
    abort();
  });
  const signal = ended.signal;

  // writeHead(status, object) does not keep headers for getHeader(), so callers pass Retry-After.
  const noteAnswer = (status: number, retryAfter: string | undefined) => {
    entry.status = status;
    if (retryAfter !== undefined) entry.retryAfter = retryAfter;
  };

  return {
    req,
    res,
    random: context.random,
    signal,
    async forward(options: ForwardOptions = {}) {
      if (signal.aborted) return;
      const outcome = await forwardRequest(req, res, {
        target: context.target,
        agent: context.agent,
        signal,
        bytesPerSecond: options.bytesPerSecond,
        onUpstreamError: () => (entry.end = 'upstream-error'),
      });
      if (outcome.upstreamStatus !== undefined) entry.upstreamStatus = outcome.upstreamStatus;
      if (res.headersSent) noteAnswer(res.statusCode, outcome.retryAfter);
    },
    answer(status, headers, body) {
      if (signal.aborted || res.headersSent) return;
      res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
      noteAnswer(status, Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1]);
      res.end(body);
    },
    reset() {
      entry.end = 'reset';
      resetSocket(req.socket);
    },
    async sleep(ms) {
      if (signal.aborted) return;
      await sleep(ms, undefined, { signal }).catch(() => undefined);
    },
    async hold() {
      if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      // A held request released by close() must not linger: end its connection.
      if (proxySignal.aborted) resetSocket(req.socket);
    },
  };
}
