import { performance } from 'node:perf_hooks';
import { CookieJar } from 'tough-cookie';
import type { StepResponse } from '../contracts/journeys.js';
import type { Recorder, Ticket } from '../recorder/recorder.js';
import { isOkStatus } from '../recorder/tally.js';
import { describeThrown } from '../engine/body-failure.js';
import { captureValue } from './checks.js';
import type { ResolvedStep } from './validate-journeys.js';
import type { StepOutcome, StepSender } from './step-sender.js';
import type { UintColumn } from './uint-column.js';
import {
  buildRequest,
  type RequestBase,
  type RequestState,
  type StepPlan,
} from './step-request.js';

/** What every step of a run shares. */
export interface StepEnv extends RequestBase {
  /** Runs on performance.now(): a closed-model step's timeout runs from its ticket's fromMs. */
  recorder: Recorder;
  sender: StepSender;
  /** Journey iteration number of each request, by the request's sequence number (the ledger's journeyId). */
  journeyOfSeq: UintColumn;
}

/** One iteration's state as its steps see it. */
export interface StepState extends RequestState {
  /** Journey iteration number. */
  seq: number;
  /**
   * performance.now() at which the last step that passed was recorded as ended; kept for steps
   * timed from their intended start (open model) only.
   */
  endedMs: number;
}

/**
 * How a step ended: ok, failed (with the reason; `byCheck` when its check or a capture failed it),
 * or cancelled by the end of the run.
 */
export type StepResult =
  { kind: 'ok' } | { kind: 'failed'; reason: string; byCheck?: true } | { kind: 'cancelled' };

const OK: StepResult = { kind: 'ok' };
const CANCELLED: StepResult = { kind: 'cancelled' };

function storeCookies(env: StepEnv, state: StepState, path: string, response: StepResponse): void {
  if (!state.cookies) return;
  const setCookie = response.headers['set-cookie'];
  if (setCookie === undefined) return;
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
  const { captures } = step;
  for (let i = 0; i < captures.length; i++) {
    const [name, spec] = captures[i];
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

/** The step ended as an error before it was sent, or after its answer (a check, a capture). */
function failed(env: StepEnv, ticket: Ticket, reason: string, byCheck?: true): StepResult {
  env.recorder.end(ticket, { kind: 'error', message: reason });
  return byCheck ? { kind: 'failed', reason, byCheck } : { kind: 'failed', reason };
}

/** Account for a sent step's outcome (exactly one end unless the run cancelled it). */
function settle(
  env: StepEnv,
  step: ResolvedStep,
  state: StepState,
  ticket: Ticket,
  path: string,
  { finish, response }: StepOutcome,
  intended: boolean,
): StepResult {
  if (ticket.done) return CANCELLED;
  if (finish.kind === 'timeout' || finish.kind === 'error' || !response) {
    env.recorder.end(ticket, finish);
    return { kind: 'failed', reason: finish.kind === 'error' ? finish.message : 'timeout' };
  }
  storeCookies(env, state, path, response);
  if (!isOkStatus(response.status)) {
    env.recorder.endResponse(ticket, response.status);
    return { kind: 'failed', reason: `HTTP ${response.status}` };
  }
  const reason = judge(step, state, response);
  if (reason !== undefined) return failed(env, ticket, reason, true);
  // Before endResponse: it may close a timeline second (ms of work) after it reads its clock.
  if (intended) state.endedMs = performance.now();
  env.recorder.endResponse(ticket, response.status);
  return OK;
}

/**
 * Send one step and account for it: recorder.begin() (from `fromMs`, the step's intended start in
 * the open model, else from now), then exactly one end; a step that passes sets `state.endedMs`
 * when it has a `fromMs`. A non-2xx/3xx answer, a failed check or a capture that finds nothing
 * fails the step; a check or capture failure is recorded as an error naming why. The outcome is
 * accounted for in the sender's callback: one promise a step, no async frame.
 */
export function runStep(
  env: StepEnv,
  plan: StepPlan,
  state: StepState,
  fromMs?: number,
): Promise<StepResult> {
  const ticket = env.recorder.begin(plan.step.name, fromMs);
  env.journeyOfSeq.set(ticket.seq, state.seq);
  let request: ReturnType<typeof buildRequest>;
  try {
    request = buildRequest(env, plan, state, ticket.id);
  } catch (error) {
    return Promise.resolve(failed(env, ticket, `request function threw: ${describeThrown(error)}`));
  }
  if (typeof request === 'string') return Promise.resolve(failed(env, ticket, request));
  const { path } = request;
  const intended = fromMs !== undefined;
  // Timed from its send (closed model), the ticket's fromMs is now: the timeout runs from it too.
  const sentMs = intended ? undefined : ticket.fromMs;
  // Inline, unnamed callbacks: tsx (esbuild keepNames) would define a `name` on a named one each call.
  return new Promise((resolve, reject) => {
    env.sender.dispatch(
      request,
      (outcome: StepOutcome) => {
        // Called from undici's parser: nothing may throw into it (it would tear the socket down).
        try {
          resolve(settle(env, plan.step, state, ticket, path, outcome, intended));
        } catch (error) {
          reject(error as Error);
        }
      },
      true,
      sentMs,
    );
  });
}
