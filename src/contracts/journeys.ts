/** A journey's variables: init() values, the feeder's row, and what earlier steps captured. */
export type JourneyVars = Record<string, unknown>;

/** What a step's path, headers and body functions are given. */
export interface StepContext {
  vars: JourneyVars;
  /** 0-based index of the virtual user (closed model) or of the arrival (open model). */
  userIndex: number;
  /** The request id this step's request carries. */
  requestId: string;
  /** The journey's name. */
  journey: string;
}

/** A step's answer as captures and checks see it. */
export interface StepResponse {
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** The body as text. */
  text: string;
  /** The body parsed as JSON (computed on first read); undefined when it is not JSON. */
  readonly json: unknown;
}

/** One captured value: a JSON path into the body, a header, the status, or a function of the answer. */
export type CaptureSpec =
  | { json: string }
  | { header: string }
  | { status: true }
  | ((response: StepResponse, vars: JourneyVars) => unknown);

/** A declarative check: the status (one or several allowed) and JSON paths whose values must equal. */
export interface CheckSpec {
  status?: number | number[];
  json?: Record<string, unknown>;
}

/** A check function: true passes; false or a string (the reason) fails the step. */
export type CheckFunction = (response: StepResponse, vars: JourneyVars) => boolean | string;

/** A value given as is, or computed from the step's context. */
export type StepValue<T> = T | ((context: StepContext) => T);

/** One request of a journey. */
export interface StepOptions {
  /** Key of the step's figures in `run.steps`; unique within its journey. */
  name: string;
  /** Default 'GET'. */
  method?: string;
  /** Below the target, starting with '/'. */
  path: StepValue<string>;
  headers?: StepValue<Record<string, string>>;
  /** An object (sent as JSON) or a string. */
  body?: StepValue<string | object>;
  /** Values to store in the journey's vars: a capture that finds nothing fails the step. */
  capture?: Record<string, CaptureSpec>;
  /** A failed check fails the step: the rest of the iteration is skipped. */
  check?: CheckFunction | CheckSpec;
  /** Pause after this step's answer, before the next step: ms or '1s'. */
  thinkTime?: number | string;
}

/** Rows handed to journeys: undefined when there are none left (the journey does not start). */
export interface Feeder {
  next(userIndex: number): JourneyVars | undefined;
  /**
   * The feeder split `index` (1-based) of `count` of a split load uses, so the processes together
   * hand out what one process would (each unique record once across all splits). Optional: a
   * feeder without it is used as it is by every split.
   */
  forSplit?(index: number, count: number): Feeder;
}

/** One journey: steps walked in order by a virtual user (closed model) or an arrival (open model). */
export interface JourneyOptions {
  name: string;
  /** Relative weight among the run's journeys; default 1. */
  weight?: number;
  /** A user's starting vars (called once per user and journey; once per arrival in the open model). */
  init?: (context: { userIndex: number }) => JourneyVars;
  /** Keep captured vars for the user's next iteration (default false: each starts from init()). */
  keepVars?: boolean;
  /** Keep a cookie jar per user: Set-Cookie answers are stored and sent back (default true). */
  cookies?: boolean;
  /** A row per iteration, merged into the vars. */
  feeder?: Feeder;
  steps: StepOptions[];
}
