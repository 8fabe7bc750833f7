import type { IncomingMessage, ServerResponse } from 'node:http';

/** What forward() is asked to do to the upstream answer. */
export interface ForwardOptions {
  /** Trickle the response body at this many bytes per second (slowBody). */
  bytesPerSecond?: number;
}

/**
 * One request passing through the proxy, and the few things a fault can do with it.
 * A fault only acts; choosing whether a request gets a fault is the proxy's job.
 */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Seeded random numbers in [0, 1) for the fault's own parameters (jitter); not the pick. */
  readonly random: () => number;
  /** Aborted when the client goes away or the proxy closes. */
  readonly signal: AbortSignal;
  /** Send the request upstream and stream the answer back; resolves when the answer is sent. */
  forward(options?: ForwardOptions): Promise<void>;
  /** Answer without forwarding; `body` undefined for a bodiless status (204, 304): no Content-Length either. */
  answer(status: number, headers: Record<string, string>, body: string | undefined): void;
  /** Destroy the client's socket with a TCP RST: the client sees a network error. */
  reset(): void;
  /** Wait `ms` milliseconds; resolves early (without error) when `signal` aborts. */
  sleep(ms: number): Promise<void>;
  /** Never answer: resolves once the client gives up or the proxy closes (which resets the socket). */
  hold(): Promise<void>;
}
