import { performance } from 'node:perf_hooks';
import { CookieJar } from 'tough-cookie';
import type { JourneyVars, StepContext, StepResponse } from '../contracts/journeys.js';
import type { Recorder, Ticket } from '../recorder/recorder.js';
import { isOkStatus } from '../recorder/tally.js';
import { describeThrown } from '../engine/body-failure.js';
import { captureValue } from './checks.js';
import type { ResolvedStep } from './validate-journeys.js';
import type { StepRequest, StepSender } from './step-sender.js';
import type { UintColumn } from './uint-column.js';

/** What every step of a run shares. */
export interface StepEnv {
  recorder: Recorder;
  sender: StepSender;
  /** The target's origin and base path (no trailing slash). */
  origin: string;
  basePath: string;
  /** Request-id header name, lower case. */
  idHeader: string;
  /** The run's headers (load()'s `headers`), names in lower case. */
  headers: Record<string, string>;
  /** Journey iteration number of each request, by the request's sequence number (the ledger's journeyId). */
  journeyOfSeq: UintColumn;
}

/** One iteration's state as its steps see it. */
export interface StepState {
  journey: string;
  /** Journey iteration number. */
  seq: number;
  userIndex: number;
  vars: JourneyVars;
  /** The user's cookie jar, made on the first Set-Cookie; undefined for journeys without cookies. */
  cookies: { jar: CookieJar | undefined } | undefined;
  /** performance.now() at which the last step that passed was recorded as ended. */
  endedMs: number;
}

/**
 * How a step ended: ok, failed (with the reason; `byCheck` when its check or a capture failed it),
 * or cancelled by the end of the run.
 */
export type StepResult =
  { kind: 'ok' } | { kind: 'failed'; reason: string; byCheck?: true } | { kind: 'cancelled' };

const OK: StepResult = { kind: 'ok' };

function value<T>(v: T | ((context: StepContext) => T), context: StepContext): T {
  return typeof v === 'function' ? (v as (context: StepContext) => T)(context) : v;
}

function buildRequest(
  env: StepEnv,
  step: ResolvedStep,
  state: StepState,
  ticket: Ticket,
): StepRequest {
  const context: StepContext = {
    vars: state.vars,
    userIndex: state.userIndex,
    requestId: ticket.id,
    journey: state.journey,
  };
  const path = value(step.path, context);
  if (typeof path !== 'string' || !path.startsWith('/'))
    throw new Error(`path gave ${JSON.stringify(path)}, not a path starting with '/'`);
  const headers: Record<string, string> = { ...env.headers };
  const own = step.headers === undefined ? undefined : value(step.headers, context);
  if (own) for (const name of Object.keys(own)) headers[name.toLowerCase()] = String(own[name]);
  const raw = step.body === undefined ? undefined : value(step.body, context);
  const body = raw === undefined || typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] =
      typeof raw === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  const fullPath = env.basePath + path;
  const jar = state.cookies?.jar;
  if (jar) {
    const cookie = jar.getCookieStringSync(env.origin + fullPath);
    if (cookie) headers.cookie = headers.cookie ? `${headers.cookie}; ${cookie}` : cookie;
  }
  headers[env.idHeader] = ticket.id;
  return { method: step.method, path: fullPath, headers, body };
}

function storeCookies(env: StepEnv, state: StepState, path: string, response: StepResponse): void {
  const setCookie = response.headers['set-cookie'];
  if (!state.cookies || setCookie === undefined) return;
  // No public-suffix check: the target is the service under test, not an arbitrary site.
  const jar = (state.cookies.jar ??= new CookieJar(undefined, { rejectPublicSuffixes: false }));
  for (const cookie of Array.isArray(setCookie) ? setCookie : [setCookie])
    jar.setCookieSync(cookie, env.origin + path, { ignoreError: true });
}

/** Run the check and the captures; a reason when the step fails. */
function judge(step: ResolvedStep, state: StepState, response: StepResponse): string | undefined {
  if (step.check) {
    let verdict: boolean | string;
    try {
      verdict = step.check(response, state.vars);
    } catch (error) {
      return `check threw: ${describeThrown(error)}`;
    }
    if (verdict !== true)
      return `check failed: ${typeof verdict === 'string' ? verdict : 'returned false'}`;
  }
  for (const [name, spec] of step.captures) {
    let captured: unknown;
    try {
      captured = captureValue(spec, response, state.vars);
    } catch (error) {
      return `capture '${name}' threw: ${describeThrown(error)}`;
    }
    if (captured === undefined) return `capture '${name}' found nothing`;
    state.vars[name] = captured;
  }
  return undefined;
}

/**
 * Send one step and account for it: recorder.begin() (from `fromMs`, the step's intended start in
 * the open model, else from now), then exactly one end; a step that passes sets `state.endedMs`.
 * A non-2xx/3xx answer, a failed check or a capture that finds nothing fails the step; a check or
 * capture failure is recorded as an error naming why.
 */
export async function runStep(
  env: StepEnv,
  step: ResolvedStep,
  state: StepState,
  fromMs?: number,
): Promise<StepResult> {
  const ticket = env.recorder.begin(step.name, fromMs);
  env.journeyOfSeq.set(ticket.seq, state.seq);
  let request: StepRequest;
  try {
    request = buildRequest(env, step, state, ticket);
  } catch (error) {
    const reason = `request function threw: ${describeThrown(error)}`;
    env.recorder.end(ticket, { kind: 'error', message: reason });
    return { kind: 'failed', reason };
  }
  const { finish, response } = await env.sender.send(request);
  if (ticket.done) return { kind: 'cancelled' };
  if (finish.kind === 'timeout' || finish.kind === 'error' || !response) {
    env.recorder.end(ticket, finish);
    return { kind: 'failed', reason: finish.kind === 'error' ? finish.message : 'timeout' };
  }
  storeCookies(env, state, request.path, response);
  if (!isOkStatus(response.status)) {
    env.recorder.endResponse(ticket, response.status);
    return { kind: 'failed', reason: `HTTP ${response.status}` };
  }
  const reason = judge(step, state, response);
  if (reason === undefined) {
    // Before endResponse: it may close a timeline second (ms of work) after it reads its clock.
    state.endedMs = performance.now();
    env.recorder.endResponse(ticket, response.status);
    return OK;
  }
  env.recorder.end(ticket, { kind: 'error', message: reason });
  return { kind: 'failed', reason, byCheck: true };
}
