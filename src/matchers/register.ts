/**
 * `vitest-stress/matchers`: importing this registers every matcher with Vitest's expect
 * (use it as a `setupFiles` entry) and brings their types.
 */
import { expect } from 'vitest';
import { stressMatchers } from './index.js';
import './types.js';
import '../vitest/meta.js';

expect.extend(stressMatchers);

export { stressMatchers };
export type { StressMatchers } from './types.js';
export type { SlaVerdict, StressMeta, RunMeta } from '../vitest/meta.js';
