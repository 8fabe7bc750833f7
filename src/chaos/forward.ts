import { request, type Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { endToEndHeaders } from './hop-by-hop.js';
import { throttle } from './throttle.js';

/** Where and how to forward one request. */
export interface ForwardTarget {
  target: URL;
  agent: Agent;
  /** Aborted when the client is gone or the proxy closes: the upstream request is dropped. */
  signal: AbortSignal;
  /** Trickle the response body at this rate (slowBody), bytes per second. */
  bytesPerSecond?: number;
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

/**
 * Send `req` to the target over the keep-alive agent and stream the answer into `res`, body
 * bytes unchanged. When the upstream cannot be reached the client gets a 502; when it fails
 * mid-answer the client's socket is destroyed (there is no honest way to finish the body).
 */
export function forwardRequest(req: IncomingMessage, res: ServerResponse, { target, agent, signal, bytesPerSecond, onUpstreamError }: ForwardTarget): Promise<ForwardOutcome> {
  const basePath = target.pathname.replace(/\/+$/, '');
  const headers = { ...endToEndHeaders(req.headers), host: target.host };
  return new Promise<ForwardOutcome>((resolve) => {
    const upstream = request({
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[|\]$/g, ''),
      port: target.port || 80,
      method: req.method,
      path: basePath + (req.url ?? '/'),
      headers,
      agent,
    });
    const onAbort = () => upstream.destroy();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (outcome: ForwardOutcome) => {
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };

    upstream.on('error', (error) => {
      if (signal.aborted) return done({ upstreamError: error });
      onUpstreamError?.(error);
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'chaos proxy: upstream failed', message: error.message }));
      } else {
        res.destroy(error);
      }
      done({ upstreamError: error });
    });

    upstream.on('response', (answer) => {
      const status = answer.statusCode ?? 502;
      const retryAfter = answer.headers['retry-after'];
      res.writeHead(status, answer.statusMessage, endToEndHeaders(answer.headers));
      if (bytesPerSecond === undefined) {
        // The common path: plain pipe() is cheaper than pipeline() per request.
        answer.pipe(res);
        res.once('close', () => {
          if (!res.writableFinished) answer.destroy();
          done({ upstreamStatus: status, retryAfter });
        });
        return;
      }
      pipeline(answer, throttle(bytesPerSecond, signal), res)
        .then(() => done({ upstreamStatus: status, retryAfter }))
        .catch((error: Error) => done({ upstreamStatus: status, retryAfter, upstreamError: signal.aborted ? undefined : error }));
    });

    // Most load is GETs without a body: end at once instead of piping an empty stream.
    const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0' || req.headers['transfer-encoding'] !== undefined;
    if (hasBody) req.pipe(upstream);
    else upstream.end();
  });
}
