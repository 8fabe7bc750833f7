import { InvalidOptionError } from '../errors.js';

/** What an inconclusive verdict does to the test: 'pass' (default) lets it pass, 'fail' fails it. */
export type InconclusivePolicy = 'pass' | 'fail';

/**
 * The policy from STRESS_INCONCLUSIVE (pass | fail; unset or empty → 'pass').
 * Throws ERR_STRESS_INVALID_OPTION for any other value.
 */
export function inconclusivePolicy(env: NodeJS.ProcessEnv = process.env): InconclusivePolicy {
  const value = env.STRESS_INCONCLUSIVE;
  if (value === undefined || value === '') return 'pass';
  if (value === 'pass' || value === 'fail') return value;
  throw new InvalidOptionError('STRESS_INCONCLUSIVE', value, "'pass' or 'fail'");
}
