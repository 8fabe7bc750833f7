import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { ResolvedLoadOptions } from '../options/load-options.js';
import type { Recorder, Ticket } from '../recorder/recorder.js';
import type { Driver, DriverContext } from './driver.js';
import type { RequestPlan } from './request-plan.js';
import { verifyAutocannonTls } from './autocannon-tls.js';
import { bodyFailure } from './body-failure.js';
import { stopAtEndOrAbort } from './driver-loop.js';
import { RequestBytes } from './request-bytes.js';
import { lagWarning, startLoopLagMonitor } from './loop-lag.js';

// autocannon checks its stop flag once per sample interval; 100 ms keeps abort well under 1 s.
const SAMPLE_INTERVAL_MS = 100;

const keepRequest = (request: unknown) => request;

/** The part of autocannon's per-connection client we listen to (see lib/httpClient.js). */
interface AutocannonClient {
  on(event: 'response', listener: (status: number) => void): void;
  on(event: 'connError', listener: (error: Error) => void): void;
  destroy(): void;
  requestIterator: {
    /** Returns the bytes of the next request (autocannon's builds them from request objects). */
    requestBuilder: (request: unknown, context: unknown) => Buffer | null;
    rebuildRequest(): unknown;
    resetContext(): void;
    /** Called with each response's status and raw headers right before the client's 'response' event. */
    recordBody: (
      request: unknown,
      status: number,
      body: unknown,
      rawHeaders: string[] | undefined,
    ) => void;
  };
}

/** What every connection of one run shares. */
interface ConnectionShared {
  recorder: Recorder;
  plan: RequestPlan;
  bytes: RequestBytes;
  timeoutMs: number;
  tls: ResolvedLoadOptions['tls'];
}

/**
 * Hand one autocannon connection our request bytes and our clock: each request is begun on the
 * recorder when autocannon asks for its bytes, and ended by its response, a connection error or
 * (seen at the next request) a timeout or a close without an answer.
 */
function takeOverClient(client: AutocannonClient, shared: ConnectionShared): void {
  const { recorder, plan, bytes, timeoutMs } = shared;
  if (shared.tls)
    verifyAutocannonTls(client as unknown as Parameters<typeof verifyAutocannonTls>[0], shared.tls);
  const timedOut = { kind: 'timeout', message: `no response within ${timeoutMs} ms` } as const;
  const closedEarly = { kind: 'error', message: 'socket closed before the response' } as const;
  // The request this connection has open (each connection has at most one: no pipelining).
  let current: Ticket | undefined;
  const settle = (finish: Parameters<Recorder['end']>[1]) => {
    const ticket = current;
    if (!ticket) return;
    current = undefined;
    recorder.end(ticket, finish);
  };
  // Called (through the client's requestBuilder) right before each request is written on the connection.
  const nextRequest = (): Buffer => {
    // A new request while the last is still open: autocannon reconnected, either because the
    // request timed out (it emits 'timeout' only after starting the next request) or because
    // the server closed the connection without an answer.
    const open = current;
    if (open) settle(performance.now() - open.fromMs >= timeoutMs - 1 ? timedOut : closedEarly);
    const scenario = plan.pick();
    const ticket = recorder.begin(scenario.name);
    current = ticket;
    try {
      return bytes.buildNumbered(scenario, ticket);
    } catch (error) {
      settle(bodyFailure(error));
      return bytes.fallback;
    }
  };
  // The response ends here, its Retry-After read from the raw headers only for a status >= 400.
  const onResponse = (status: number, rawHeaders: string[] | undefined) => {
    const ticket = current;
    if (!ticket) return;
    current = undefined;
    recorder.endResponse(
      ticket,
      status,
      status >= 400 ? retryAfterOf(rawHeaders ?? []) : undefined,
    );
  };
  replaceRequestIterator(client, nextRequest, onResponse, timeoutMs);
  client.on('connError', (error) => settle({ kind: 'error', message: error.message }));
}

/** Make autocannon's client write our bytes and tell us of each response, its timeout in ms. */
function replaceRequestIterator(
  client: AutocannonClient,
  nextRequest: () => Buffer,
  onResponse: (status: number, rawHeaders: string[] | undefined) => void,
  timeoutMs: number,
): void {
  // autocannon's own builder assembles each request from objects (15% of client CPU when
  // every request differs); ours returns the finished bytes, which autocannon writes as they are.
  const iterator = client.requestIterator;
  iterator.requestBuilder = nextRequest;
  // autocannon deep-clones a fresh context for setupRequest/onResponse before every request
  // (1% of client CPU); we use no context.
  iterator.resetContext = () => {};
  iterator.rebuildRequest();
  // autocannon only accepts whole seconds; its client reads this field for every request.
  (client as unknown as { timeout: number }).timeout = timeoutMs;
  // autocannon calls recordBody (which would call a request's onResponse with the headers made
  // into an object) for each response, synchronously before the client's 'response' event and
  // the next request.
  iterator.recordBody = (_request, status, _body, rawHeaders) => onResponse(status, rawHeaders);
}

/** Start autocannon with `connections` connections, each taken over by `setupClient`; resolves when it ends. */
function startAutocannon(
  options: ResolvedLoadOptions,
  origin: string,
  connections: number,
  setupClient: (client: AutocannonClient) => void,
): { instance: { stop(): void }; done: Promise<void> } {
  let finished!: (error: Error | null) => void;
  const done = new Promise<void>((resolve, reject) => {
    finished = (error) => (error ? reject(error) : resolve());
  });
  const instance = autocannon(
    {
      url: origin,
      connections,
      pipelining: 1,
      ...(options.requests !== undefined
        ? { amount: options.requests }
        : { duration: (options.durationMs ?? 10_000) / 1000 }),
      timeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
      sampleInt: SAMPLE_INTERVAL_MS,
      // A setupRequest, even one that changes nothing, makes autocannon rebuild every request.
      requests: [{ setupRequest: keepRequest as never }],
      setupClient: setupClient as never,
      skipAggregateResult: true,
    } as autocannon.Options,
    (error) => finished(error ?? null),
  );
  return { instance: instance as unknown as { stop(): void }, done };
}

/**
 * Closed model on autocannon: `users` connections, each sending its next request as soon
 * as the previous one ends. autocannon does the HTTP; we write each request's bytes with its
 * id, and time it ourselves (performance.now, fractional ms) from the moment it is built and written.
 */
export const autocannonDriver: Driver = async (context: DriverContext) => {
  const { options, recorder, plan, signal, warn } = context;
  // A starved generator sets the pace, not the target: say so, as the undici drivers do.
  const lagMonitor = startLoopLagMonitor();
  const shared: ConnectionShared = {
    recorder,
    plan,
    bytes: new RequestBytes(plan, options.requestIdPrefix),
    timeoutMs: options.timeoutMs,
    tls: options.tls,
  };
  const clients: AutocannonClient[] = [];
  const users = options.users ?? 1;
  const connections = options.requests !== undefined ? Math.min(users, options.requests) : users;
  recorder.setUsers(connections);
  const { instance, done } = startAutocannon(options, plan.origin, connections, (client) => {
    clients.push(client);
    takeOverClient(client, shared);
  });

  // autocannon stops at its next sample tick, and starts its duration timer only after it has
  // opened every connection (0.75-2 s for 2000 on a busy machine). So at the planned end (timed
  // from the run's start) or on abort: stop the clock (in-flight requests are cancelled), then
  // close every connection now rather than at autocannon's next tick.
  const endAtMs =
    options.durationMs === undefined ? undefined : recorder.startMs + options.durationMs;
  const dispose = stopAtEndOrAbort(signal, endAtMs, () => {
    recorder.stop();
    instance.stop();
    for (const client of clients) client.destroy();
  });
  try {
    await done;
  } finally {
    dispose();
    const lag = lagWarning(lagMonitor.stop());
    if (lag) warn(lag);
  }
  return { engine: 'autocannon' };
};

/**
 * The Retry-After value as autocannon's header object gave it to onResponse (`retry-after`,
 * else `Retry-After`; of repeated headers the first value, where an empty first value gives way
 * to the next one), from the raw [name, value, name, value, ...] list.
 */
export function retryAfterOf(rawHeaders: readonly string[]): string | undefined {
  return headerValue(rawHeaders, 'retry-after') ?? headerValue(rawHeaders, 'Retry-After');
}

function headerValue(rawHeaders: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i] !== name) continue;
    const v = rawHeaders[i + 1];
    // autocannon keeps the first value unless it is falsy (then the next replaces it).
    if (!value) value = v;
  }
  return value;
}
