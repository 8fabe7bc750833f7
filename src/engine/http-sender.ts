import { performance } from 'node:perf_hooks';
import { Pool, type Dispatcher } from 'undici';
import type { Finish } from '../recorder/tally.js';
import type { ResolvedTls } from '../options/tls.js';
import type { PlannedRequest } from './request-plan.js';
import { createRandom } from '../random/random.js';

/** Ends the error message of a timeout caused by client-side chaos, for people; code reads the ledger's `cause`. */
export const CLIENT_CHAOS_MARK = '(client timeout chaos)';

/** Client-side chaos: this fraction of requests (seeded) gets the shorter timeout. */
export interface ClientTimeoutChaos {
  /** 0..1 */
  rate: number;
  timeoutMs: number;
}

export interface HttpSenderOptions {
  /** e.g. 'http://127.0.0.1:3000' */
  origin: string;
  /** Most sockets the pool opens (they open lazily, as concurrency needs them). */
  connections: number;
  /** Per-request timeout: from send to the end of the response body. */
  timeoutMs: number;
  clientTimeout?: ClientTimeoutChaos;
  /** Seed of the client-timeout picks. */
  seed: number;
  /** https: origins: what to trust and whether to verify. */
  tls?: ResolvedTls;
}

/** Called once per request with how it ended; never called for requests cut off by close(). */
export type SendCallback = (finish: Finish) => void;

const DRAIN_POLL_MS = 5;
// Salt so the client-timeout picks do not repeat the scenario-pick sequence.
const CHAOS_SALT = 0x7f4a7c15;

/**
 * Sends planned requests over one undici Pool (pipelining 1, keep-alive) and reports each
 * outcome: the status after the whole body arrived, a timeout, or a network error with a
 * readable message. Uses undici's dispatch API directly: one small handler object and one
 * timer per request, no streams or promises.
 */
export class HttpSender {
  private readonly pool: Pool;
  private readonly pending = new Set<RequestHandler>();
  private readonly chaosRandom: () => number;
  private closed = false;

  constructor(private readonly options: HttpSenderOptions) {
    this.pool = new Pool(options.origin, {
      connections: options.connections,
      pipelining: 1,
      headersTimeout: 0,
      bodyTimeout: 0,
      ...(options.tls ? { connect: { ...options.tls } } : {}),
    });
    this.chaosRandom = createRandom((options.seed ^ CHAOS_SALT) >>> 0);
  }

  /** Requests sent and not ended yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Send one request; `done` is called once with its outcome. */
  send(request: PlannedRequest, done: SendCallback): void {
    if (this.closed) return;
    const chaos = this.options.clientTimeout;
    const short = chaos !== undefined && chaos.rate > 0 && this.chaosRandom() < chaos.rate;
    const timeoutMs = short ? chaos.timeoutMs : this.options.timeoutMs;
    const handler = new RequestHandler(this, done, timeoutMs, short);
    this.pending.add(handler);
    this.pool.dispatch(
      { path: request.path, method: request.method, headers: request.headers, body: request.body },
      handler,
    );
  }

  /** Wait until nothing is in flight, `graceMs` has passed or `signal` aborts. */
  async drain(graceMs: number, signal: AbortSignal): Promise<void> {
    const deadline = performance.now() + graceMs;
    while (this.pending.size > 0 && !signal.aborted && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
  }

  /** Abort everything in flight (without reporting it) and close every socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const handler of this.pending) handler.cancel();
    this.pending.clear();
    await this.pool.destroy();
  }

  /** @internal a handler ended */
  settled(handler: RequestHandler): boolean {
    return this.pending.delete(handler) && !this.closed;
  }
}

class RequestHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private retryAfter: string | undefined;
  private controller: Dispatcher.DispatchController | undefined;
  private readonly timer: NodeJS.Timeout;
  private ended = false;

  constructor(
    private readonly sender: HttpSender,
    private readonly done: SendCallback,
    private readonly timeoutMs: number,
    private readonly chaos: boolean,
  ) {
    this.timer = setTimeout(() => this.onTimeout(), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.status = statusCode;
    if (statusCode >= 400) {
      const value = headers['retry-after'];
      this.retryAfter = Array.isArray(value) ? value[0] : value;
    }
  }

  onResponseData(): void {}

  onResponseEnd(): void {
    this.finish(
      this.retryAfter === undefined
        ? { kind: 'response', status: this.status }
        : { kind: 'response', status: this.status, retryAfter: this.retryAfter },
    );
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.finish({ kind: 'error', message: describeNetworkError(error) });
  }

  /** Stop without reporting (the sender is closing). */
  cancel(): void {
    this.ended = true;
    clearTimeout(this.timer);
  }

  private onTimeout(): void {
    const message = this.chaos
      ? `no response within ${this.timeoutMs} ms ${CLIENT_CHAOS_MARK}`
      : `no response within ${this.timeoutMs} ms`;
    this.finish(
      this.chaos
        ? { kind: 'timeout', message, cause: 'client-timeout-chaos' }
        : { kind: 'timeout', message },
    );
    this.controller?.abort(new Error(message));
  }

  private finish(finish: Finish): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    if (this.sender.settled(this)) this.done(finish);
  }
}

/** A short, stable message per kind of network failure (they are counted by message). */
export function describeNetworkError(error: Error): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return (
        'connection refused ' +
        `(${(error as { address?: string }).address ?? 'target'}:` +
        `${(error as { port?: number }).port ?? '?'})`
      );
    case 'ECONNRESET':
      return 'connection reset by the server';
    case 'UND_ERR_SOCKET':
      return 'socket closed before the response';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connect timed out';
    case 'EPIPE':
      return 'connection closed while sending the request';
    case undefined:
      return error.message;
    default:
      return `${error.message} (${code})`;
  }
}
