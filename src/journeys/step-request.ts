import type { CookieJar } from 'tough-cookie';
import type { StepContext } from '../contracts/journeys.js';
import type { ResolvedStep } from './validate-journeys.js';
import type { StepRequest } from './step-sender.js';
import { headerProblem, pathProblem } from './step-headers.js';

/** What every request of a run shares: the target and the run's headers. */
export interface RequestBase {
  /** The target's origin and base path (no trailing slash). */
  origin: string;
  basePath: string;
  /** Request-id header name, lower case. */
  idHeader: string;
  /** What every request id starts with (the sequence number follows). */
  idPrefix: string;
  /** The run's headers (load()'s `headers`), names in lower case. */
  headers: Record<string, string>;
}

/**
 * A step's request worked out once per run: what its options fix (a path, headers or a body given
 * as values rather than functions) is joined, serialised and checked against what undici would
 * refuse here, so a send only builds and checks the parts a function gives.
 */
export interface StepPlan {
  readonly step: ResolvedStep;
  /** Base path + the step's path when it is a string. */
  readonly fullPath: string | undefined;
  /** The run's headers, the step's when they are an object, and the content-type of a fixed body. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether `headers` holds the step's own (they are not a function). */
  readonly fixedHeaders: boolean;
  /** The serialised body when it is not a function; `fixedBody` tells undefined apart from none. */
  readonly body: string | undefined;
  readonly fixedBody: boolean;
  /** Why undici would refuse the fixed parts (path first, then headers); undefined when it would not. */
  readonly problem: string | undefined;
  /** True when a path, headers or body function needs a StepContext. */
  readonly needsContext: boolean;
}

/** What a step's request function sees of its iteration. */
export interface RequestState {
  journey: string;
  userIndex: number;
  vars: StepContext['vars'];
  /** The user's cookie jar, when the journey keeps cookies and one was made. */
  cookies: { jar: CookieJar | undefined } | undefined;
}

const contentTypeOf = (raw: unknown) =>
  typeof raw === 'string' ? 'text/plain; charset=utf-8' : 'application/json';

function serialise(raw: unknown): string | undefined {
  return raw === undefined || typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/** Copy `own` into `headers` with names in lower case and values as strings. */
function mergeHeaders(headers: Record<string, string>, own: Record<string, unknown> | undefined) {
  if (own) for (const name of Object.keys(own)) headers[name.toLowerCase()] = String(own[name]);
}

/** The plan of `step` for a run on `base`. */
export function planStep(base: RequestBase, step: ResolvedStep): StepPlan {
  const fullPath = typeof step.path === 'string' ? base.basePath + step.path : undefined;
  const headers: Record<string, string> = { ...base.headers };
  const fixedHeaders = typeof step.headers !== 'function';
  if (fixedHeaders) mergeHeaders(headers, step.headers as Record<string, unknown> | undefined);
  let fixedBody = typeof step.body !== 'function';
  let body: string | undefined;
  try {
    body = fixedBody ? serialise(step.body) : undefined;
  } catch {
    // A body JSON cannot hold (a cycle, a BigInt): serialised per send, so each step fails naming it.
    fixedBody = false;
  }
  if (fixedBody && body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = contentTypeOf(step.body);
  const problem =
    (fullPath === undefined ? undefined : pathProblem(fullPath)) ??
    // The id header is checked with the rest: a number after the prefix changes no verdict.
    headerProblem({ ...headers, [base.idHeader]: `${base.idPrefix}1` });
  const needsContext = fullPath === undefined || !fixedHeaders || !fixedBody;
  return { step, fullPath, headers, fixedHeaders, body, fixedBody, problem, needsContext };
}

function value<T>(v: T | ((context: StepContext) => T), context: StepContext | undefined): T {
  return typeof v === 'function' ? (v as (context: StepContext) => T)(context!) : v;
}

/**
 * The request of one send of `plan`, carrying `requestId`, or why undici would refuse it (a
 * string: it must not be dispatched then). The step's functions are called here and may throw.
 */
export function buildRequest(
  base: RequestBase,
  plan: StepPlan,
  state: RequestState,
  requestId: string,
): StepRequest | string {
  const { step } = plan;
  const context: StepContext | undefined = plan.needsContext
    ? { vars: state.vars, userIndex: state.userIndex, requestId, journey: state.journey }
    : undefined;
  let problem = plan.problem;
  let fullPath = plan.fullPath;
  if (fullPath === undefined) {
    const path = value(step.path, context);
    if (typeof path !== 'string' || !path.startsWith('/'))
      throw new Error(`path gave ${JSON.stringify(path)}, not a path starting with '/'`);
    fullPath = base.basePath + path;
    problem = pathProblem(fullPath) ?? problem;
  }
  const headers: Record<string, string> = { ...plan.headers };
  if (!plan.fixedHeaders) {
    const own: Record<string, string> = {};
    mergeHeaders(own, value(step.headers!, context));
    Object.assign(headers, own);
    problem ??= headerProblem(own);
  }
  let body = plan.body;
  if (!plan.fixedBody) {
    const raw = step.body === undefined ? undefined : value(step.body, context);
    body = serialise(raw);
    if (body !== undefined && headers['content-type'] === undefined)
      headers['content-type'] = contentTypeOf(raw);
  }
  const jar = state.cookies?.jar;
  if (jar) {
    const cookie = jar.getCookieStringSync(base.origin + fullPath);
    if (cookie) {
      headers.cookie = headers.cookie ? `${headers.cookie}; ${cookie}` : cookie;
      problem ??= headerProblem({ cookie: headers.cookie });
    }
  }
  if (problem !== undefined) return problem;
  headers[base.idHeader] = requestId;
  return { method: step.method, path: fullPath, headers, body };
}
