import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Dispatcher } from 'undici';
import { endToEndHeaders, endToEndRawHeaders } from './hop-by-hop.js';
import { throttle } from './throttle.js';

/** Where and how to forward one request. */
export interface ForwardTarget {
  /** Keep-alive connections to the target's origin (an undici Pool). */
  upstream: Dispatcher;
  /** The target's base path without a trailing slash ('' for none); the request's path is appended. */
  basePath: string;
  /** Host header sent upstream: the target's host. */
  host: string;
  /** Aborted by the proxy's close(): failures after it are the proxy's doing, not the upstream's. */
  proxySignal: AbortSignal;
  /** Trickle the response body at `bytesPerSecond`; `signal` (client gone or proxy closed) stops the trickle. */
  trickle?: { bytesPerSecond: number; signal: AbortSignal };
  /** Called when the upstream fails, before the client is answered (502) or cut off. */
  onUpstreamError?: (error: Error) => void;
}

/** What came of forwarding. `upstreamStatus` is absent when the upstream never answered. */
export interface ForwardOutcome {
  upstreamStatus?: number;
  /** The upstream's Retry-After header, passed on to the client. */
  retryAfter?: string;
  upstreamError?: Error;
}

// The reason an upstream request is aborted with when its client is gone; never shown to anyone,
// and one shared instance spares a stack trace per abandoned request.
const CLIENT_GONE = new Error('chaos proxy: the client went away');

/**
 * The upstream request for `req`: its method, the target's base path before its path, its
 * end-to-end headers, its body streamed when it has one.
 */
function upstreamRequest(
  req: IncomingMessage,
  { basePath, host }: ForwardTarget,
): Dispatcher.DispatchOptions {
  // Most load is GETs without a body: send none instead of streaming an empty one.
  const hasBody =
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') ||
    req.headers['transfer-encoding'] !== undefined;
  return {
    method: req.method as Dispatcher.HttpMethod,
    path: basePath + (req.url ?? '/'),
    headers: endToEndRawHeaders(req.rawHeaders, host),
    body: hasBody ? req : null,
  };
}

/**
 * One forwarded request: undici's handler of the upstream's answer, which it streams into `res`
 * (through the throttle when trickling), and the watch on the client going away. Settles once.
 */
class Forwarding implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private upstreamStatus: number | undefined;
  private retryAfter: string | undefined;
  private clientGone = false;
  private settled = false;
  /** Only for slowBody: the answer as a stream, so it can go through the throttle stage. */
  private body: Readable | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly target: ForwardTarget,
    private readonly resolve: (outcome: ForwardOutcome) => void,
  ) {
    res.once('close', this.onClientClose);
  }

  private readonly onClientClose = () => {
    this.clientGone = true;
    this.controller?.abort(CLIENT_GONE);
    this.body?.destroy();
    this.settle(this.answer());
  };

  private readonly resume = () => this.controller?.resume();

  onRequestStart(started: Dispatcher.DispatchController): void {
    this.controller = started;
    // The client left while the request waited for a pooled connection.
    if (this.clientGone) started.abort(CLIENT_GONE);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    // 1xx informational answers are the upstream connection's business; wait for the final one.
    if (statusCode < 200 || this.clientGone) return;
    this.upstreamStatus = statusCode;
    const retry = headers['retry-after'];
    this.retryAfter = Array.isArray(retry) ? retry[0] : retry;
    this.res.writeHead(statusCode, statusMessage, endToEndHeaders(headers));
    const trickle = this.target.trickle;
    if (!trickle) return;
    this.body = new Readable({ read: this.resume });
    pipeline(this.body, throttle(trickle.bytesPerSecond, trickle.signal), this.res)
      .then(() => this.settle(this.answer()))
      .catch((error: Error) =>
        this.settle({
          ...this.answer(),
          upstreamError: trickle.signal.aborted ? undefined : error,
        }),
      );
  }

  onResponseData(paused: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.upstreamStatus === undefined || this.clientGone) return;
    if (this.body ? !this.body.push(chunk) : !this.res.write(chunk)) {
      paused.pause();
      if (!this.body) this.res.once('drain', this.resume);
    }
  }

  onResponseEnd(): void {
    if (this.clientGone) return;
    if (this.body) return void this.body.push(null);
    this.res.end();
    this.settle(this.answer());
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.settled) return;
    if (this.clientGone || this.target.proxySignal.aborted)
      return this.settle({ upstreamStatus: this.upstreamStatus, upstreamError: error });
    this.target.onUpstreamError?.(error);
    if (!this.res.headersSent) {
      this.res.writeHead(502, { 'content-type': 'application/json' });
      this.res.end(
        JSON.stringify({ error: 'chaos proxy: upstream failed', message: error.message }),
      );
    } else {
      this.body?.destroy(error);
      this.res.destroy(error);
    }
    this.settle({ ...this.answer(), upstreamError: error });
  }

  /** What the upstream answered so far. */
  private answer(): ForwardOutcome {
    return { upstreamStatus: this.upstreamStatus, retryAfter: this.retryAfter };
  }

  private settle(outcome: ForwardOutcome): void {
    if (this.settled) return;
    this.settled = true;
    this.res.off('close', this.onClientClose);
    this.resolve(outcome);
  }
}

/**
 * Send `req` to the target over the keep-alive pool and stream the answer into `res`, body
 * bytes unchanged (request bodies stream too). When the upstream cannot be reached the client
 * gets a 502; when it fails mid-answer the client's socket is destroyed (there is no honest way
 * to finish the body). Resolves once the answer is sent, the client is gone, or it failed.
 */
export function forwardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  target: ForwardTarget,
): Promise<ForwardOutcome> {
  return new Promise<ForwardOutcome>((resolve) => {
    target.upstream.dispatch(upstreamRequest(req, target), new Forwarding(res, target, resolve));
  });
}
