import { InvalidOptionError, UnknownOptionError } from '../errors.js';
import { inconclusivePolicy, type InconclusivePolicy } from '../trust/inconclusive.js';

/** The optional second argument of toMatchPerfBaseline. */
export interface PerfBaselineOptions {
  /** Each bound of the comparison intervals one-sided at this confidence, in (0.5, 1); default 0.95. */
  confidence?: number;
  /** What an inconclusive comparison does to the test; default STRESS_INCONCLUSIVE, else 'pass'. */
  inconclusive?: InconclusivePolicy;
  /** Seed of the bootstrap resampling; default 1 (the same runs always give the same interval). */
  seed?: number;
}

/** Validated options. */
export interface ResolvedBaselineOptions {
  confidence: number;
  inconclusive: InconclusivePolicy;
  seed: number;
}

const KEYS = ['confidence', 'inconclusive', 'seed'];

/** Validate the options; throws ERR_STRESS_UNKNOWN_OPTION / ERR_STRESS_INVALID_OPTION. */
export function resolveBaselineOptions(options: unknown): ResolvedBaselineOptions {
  if (options === undefined)
    return { confidence: 0.95, inconclusive: inconclusivePolicy(), seed: 1 };
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError(
      'toMatchPerfBaseline options',
      options,
      '{ confidence?, inconclusive?, seed? }',
    );
  const unknown = Object.keys(options).find((k) => !KEYS.includes(k));
  if (unknown !== undefined)
    throw new UnknownOptionError(
      unknown,
      undefined,
      `toMatchPerfBaseline options (known: ${KEYS.join(', ')})`,
    );
  const { confidence = 0.95, inconclusive, seed = 1 } = options as PerfBaselineOptions;
  if (typeof confidence !== 'number' || !(confidence > 0.5 && confidence < 1))
    throw new InvalidOptionError(
      'toMatchPerfBaseline.confidence',
      confidence,
      'a number in (0.5, 1) such as 0.95',
    );
  if (inconclusive !== undefined && inconclusive !== 'pass' && inconclusive !== 'fail')
    throw new InvalidOptionError(
      'toMatchPerfBaseline.inconclusive',
      inconclusive,
      "'pass' or 'fail'",
    );
  if (!Number.isInteger(seed))
    throw new InvalidOptionError('toMatchPerfBaseline.seed', seed, 'an integer');
  return { confidence, inconclusive: inconclusive ?? inconclusivePolicy(), seed };
}
