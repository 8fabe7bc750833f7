import { Pool } from 'undici';
import type { ResolvedTls } from '../options/tls.js';
import type { Finish } from '../recorder/tally.js';
import { describeNetworkError } from '../engine/http-sender.js';
import type { StepResponse } from '../contracts/journeys.js';

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

/** A step's answer: the JSON body is parsed on first read (most steps never read it). */
class ReadResponse implements StepResponse {
  private parsed: { value: unknown } | undefined;
  constructor(
    readonly status: number,
    readonly headers: Record<string, string | string[] | undefined>,
    readonly text: string,
  ) {}

  get json(): unknown {
    if (this.parsed) return this.parsed.value;
    let value: unknown;
    try {
      value = JSON.parse(this.text);
    } catch {
      value = undefined;
    }
    this.parsed = { value };
    return value;
  }
}

/**
 * Sends journey steps over one undici Pool (keep-alive, pipelining 1) and reads each whole
 * answer, since captures and checks need the body and headers. One timer per request: no answer
 * within `timeoutMs` (from send to the end of the body) ends it as a timeout.
 */
export class StepSender {
  private readonly pool: Pool;
  private closed = false;

  constructor(
    origin: string,
    connections: number,
    private readonly timeoutMs: number,
    tls?: ResolvedTls,
  ) {
    this.pool = new Pool(origin, {
      connections,
      pipelining: 1,
      headersTimeout: 0,
      bodyTimeout: 0,
      ...(tls ? { connect: { ...tls } } : {}),
    });
  }

  /** Send one step; resolves with its outcome (never rejects). */
  async send(request: StepRequest): Promise<StepOutcome> {
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeoutMs);
    try {
      const answer = await this.pool.request({ ...request, signal: abort.signal });
      const text = await answer.body.text();
      const response = new ReadResponse(answer.statusCode, answer.headers, text);
      return { finish: { kind: 'response', status: answer.statusCode }, response };
    } catch (error) {
      if (timedOut)
        return { finish: { kind: 'timeout', message: `no response within ${this.timeoutMs} ms` } };
      return { finish: { kind: 'error', message: describeNetworkError(error as Error) } };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Abort what is in flight and close every socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.destroy();
  }
}
