import { StressError } from '../errors.js';
import { inconclusivePolicy, type InconclusivePolicy } from '../trust/inconclusive.js';
import { describeReceived } from '../format/message.js';

/** The optional last argument of every threshold matcher: judge with a confidence interval. */
export interface ConfidenceOptions {
  /** Each bound of the interval is one-sided at this confidence, in (0.5, 1); e.g. 0.95. */
  confidence: number;
  /** What an inconclusive verdict does to the test; default STRESS_INCONCLUSIVE, else 'pass'. */
  inconclusive?: InconclusivePolicy;
}

/** Validated confidence options. */
export interface ResolvedConfidence {
  confidence: number;
  inconclusive: InconclusivePolicy;
}

const KEYS = new Set(['confidence', 'inconclusive']);

/**
 * Read a matcher's confidence options: undefined when none were given (a point verdict),
 * the resolved options, or a complaint string for the failure message.
 */
export function resolveConfidence(options: unknown): ResolvedConfidence | string | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return (
      `options must be { confidence: 0.95, inconclusive?: 'pass' | 'fail' }, received ` +
      `${describeReceived(options)}`
    );
  const unknown = Object.keys(options).find((k) => !KEYS.has(k));
  if (unknown !== undefined)
    return `unknown option "${unknown}"; the options are confidence and inconclusive`;
  const { confidence, inconclusive } = options as Partial<ConfidenceOptions>;
  if (typeof confidence !== 'number' || !(confidence > 0.5 && confidence < 1))
    return `confidence must be a number in (0.5, 1) such as 0.95, received ${describeReceived(confidence)}`;
  if (inconclusive !== undefined && inconclusive !== 'pass' && inconclusive !== 'fail')
    return `inconclusive must be 'pass' or 'fail', received ${describeReceived(inconclusive)}`;
  try {
    return { confidence, inconclusive: inconclusive ?? inconclusivePolicy() };
  } catch (error) {
    return error instanceof StressError ? error.message : String(error);
  }
}
