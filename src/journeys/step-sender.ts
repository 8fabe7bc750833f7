import { performance } from 'node:perf_hooks';
import { Pool, type Dispatcher } from 'undici';
import type { ResolvedTls } from '../options/tls.js';
import type { Finish } from '../recorder/tally.js';
import { describeNetworkError } from '../engine/http-sender.js';
import type { StepResponse } from '../contracts/journeys.js';
import { ReadResponse } from './read-response.js';
import { TimeoutQueue, type Expiring } from './timeout-queue.js';
import { headerProblem, pathProblem } from './step-headers.js';

/** A step's request, ready to send. */
export interface StepRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** How a step's request ended: the recorder's Finish, and the answer when there was one. */
export interface StepOutcome {
  finish: Finish;
  response?: StepResponse;
}

/** Called once with a step's outcome. */
export type StepCallback = (outcome: StepOutcome) => void;

const NO_HEADERS: Record<string, string | undefined> = Object.freeze({});
const CLOSED: StepOutcome = { finish: { kind: 'error', message: 'the run closed its sockets' } };

/**
 * Sends journey steps over one undici Pool (keep-alive, pipelining 1) with undici's dispatch API,
 * as the plain drivers' HttpSender does: one small handler object per request, no streams, no
 * AbortController. The body's chunks are kept and decoded only when a capture or check reads it.
 * Every step has the same timeout, so requests expire in the order they were sent: one queue and
 * one timer for all of them (no timer per request). No answer within `timeoutMs` (from send to
 * the end of the body) ends a step as a timeout.
 */
export class StepSender {
  private readonly pool: Pool;
  private readonly timeouts: TimeoutQueue<StepHandler>;
  private closed = false;

  constructor(
    origin: string,
    connections: number,
    readonly timeoutMs: number,
    tls?: ResolvedTls,
  ) {
    this.pool = new Pool(origin, {
      connections,
      pipelining: 1,
      headersTimeout: 0,
      bodyTimeout: 0,
      ...(tls ? { connect: { ...tls } } : {}),
    });
    this.timeouts = new TimeoutQueue<StepHandler>(timeoutMs, (handler) => handler.timeout());
  }

  /**
   * Send one step; `done` is called exactly once with its outcome (after close(): at once).
   * `checked`: the caller has made sure undici takes its path and headers (step-request.ts
   * checks the fixed parts of a step once per run); else they are checked here. `nowMs` is
   * performance.now() now, when the caller has just read it: the step's timeout runs from it.
   */
  dispatch(request: StepRequest, done: StepCallback, checked = false, nowMs?: number): void {
    if (this.closed) return done(CLOSED);
    const problem = checked
      ? undefined
      : (pathProblem(request.path) ?? headerProblem(request.headers));
    if (problem !== undefined) return done({ finish: { kind: 'error', message: problem } });
    const handler = new StepHandler(this, done);
    this.timeouts.add(handler, nowMs ?? performance.now());
    this.pool.dispatch(request, handler);
  }

  /** Send one step; resolves with its outcome (never rejects). */
  send(request: StepRequest): Promise<StepOutcome> {
    return new Promise((resolve) => this.dispatch(request, resolve));
  }

  /** Abort what is in flight (each ends as an error) and close every socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const handler of this.timeouts.drain()) handler.end(CLOSED);
    await this.pool.destroy();
  }

  /** @internal a handler ended: it leaves the timeout queue. */
  settled(handler: StepHandler): void {
    this.timeouts.remove(handler);
  }
}

class StepHandler implements Dispatcher.DispatchHandler, Expiring<StepHandler> {
  deadlineMs = 0;
  prev: StepHandler | undefined = undefined;
  next: StepHandler | undefined = undefined;
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = NO_HEADERS;
  // Most answers come in one chunk: an array only from the second on.
  private chunk: Buffer | undefined = undefined;
  private chunks: Buffer[] | undefined = undefined;
  private controller: Dispatcher.DispatchController | undefined;
  private ended = false;

  constructor(
    private readonly sender: StepSender,
    private readonly done: StepCallback,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Timed out while waiting in the pool's queue: do not send it late.
    if (this.ended) controller.abort(new Error('timed out before it was sent'));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.chunks) this.chunks.push(chunk);
    else if (this.chunk) this.chunks = [this.chunk, chunk];
    else this.chunk = chunk;
  }

  onResponseEnd(): void {
    const body = this.chunks ?? this.chunk;
    const response = new ReadResponse(this.status, this.headers, body);
    this.end({ finish: { kind: 'response', status: this.status }, response });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.end({ finish: { kind: 'error', message: describeNetworkError(error) } });
  }

  /** The timeout queue's deadline passed. */
  timeout(): void {
    const message = `no response within ${this.sender.timeoutMs} ms`;
    this.end({ finish: { kind: 'timeout', message } });
    this.controller?.abort(new Error(message));
  }

  end(outcome: StepOutcome): void {
    if (this.ended) return;
    this.ended = true;
    this.sender.settled(this);
    this.done(outcome);
  }
}
