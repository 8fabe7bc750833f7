import type { IncomingMessage, ServerResponse } from 'node:http';
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
 * Send `req` to the target over the keep-alive pool and stream the answer into `res`, body
 * bytes unchanged (request bodies stream too). When the upstream cannot be reached the client
 * gets a 502; when it fails mid-answer the client's socket is destroyed (there is no honest way
 * to finish the body). Resolves once the answer is sent, the client is gone, or it failed.
 */
export function forwardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  { upstream, basePath, host, proxySignal, trickle, onUpstreamError }: ForwardTarget,
): Promise<ForwardOutcome> {
  return new Promise<ForwardOutcome>((resolve) => {
    let controller: Dispatcher.DispatchController | undefined;
    let upstreamStatus: number | undefined;
    let retryAfter: string | undefined;
    let clientGone = false;
    let settled = false;
    // Only for slowBody: the answer as a stream, so it can go through the throttle stage.
    let body: Readable | undefined;

    const settle = (outcome: ForwardOutcome) => {
      if (settled) return;
      settled = true;
      res.off('close', onClientClose);
      resolve(outcome);
    };
    const onClientClose = () => {
      clientGone = true;
      controller?.abort(CLIENT_GONE);
      body?.destroy();
      settle({ upstreamStatus, retryAfter });
    };
    res.once('close', onClientClose);
    const resume = () => controller?.resume();

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // The client left while the request waited for a pooled connection.
        if (clientGone) started.abort(CLIENT_GONE);
      },
      onResponseStart(_controller, statusCode, headers, statusMessage) {
        // 1xx informational answers are the upstream connection's business; wait for the final one.
        if (statusCode < 200 || clientGone) return;
        upstreamStatus = statusCode;
        const retry = headers['retry-after'];
        retryAfter = Array.isArray(retry) ? retry[0] : retry;
        res.writeHead(statusCode, statusMessage, endToEndHeaders(headers));
        if (trickle) {
          body = new Readable({ read: resume });
          pipeline(body, throttle(trickle.bytesPerSecond, trickle.signal), res)
            .then(() => settle({ upstreamStatus, retryAfter }))
            .catch((error: Error) =>
              settle({
                upstreamStatus,
                retryAfter,
                upstreamError: trickle.signal.aborted ? undefined : error,
              }),
            );
        }
      },
      onResponseData(paused, chunk) {
        if (upstreamStatus === undefined || clientGone) return;
        if (body ? !body.push(chunk) : !res.write(chunk)) {
          paused.pause();
          if (!body) res.once('drain', resume);
        }
      },
      onResponseEnd() {
        if (clientGone) return;
        if (body) return void body.push(null);
        res.end();
        settle({ upstreamStatus, retryAfter });
      },
      onResponseError(_controller, error) {
        if (settled) return;
        if (clientGone || proxySignal.aborted)
          return settle({ upstreamStatus, upstreamError: error });
        onUpstreamError?.(error);
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ error: 'chaos proxy: upstream failed', message: error.message }),
          );
        } else {
          body?.destroy(error);
          res.destroy(error);
        }
        settle({ upstreamStatus, retryAfter, upstreamError: error });
      },
    };

    // Most load is GETs without a body: send none instead of streaming an empty one.
    const hasBody =
      (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') ||
      req.headers['transfer-encoding'] !== undefined;
    upstream.dispatch(
      {
        method: req.method as Dispatcher.HttpMethod,
        path: basePath + (req.url ?? '/'),
        headers: endToEndRawHeaders(req.rawHeaders, host),
        body: hasBody ? req : null,
      },
      handler,
    );
  });
}
