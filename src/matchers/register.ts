/**
 * `vitest-stress/matchers`: importing this registers every matcher with Vitest's expect
 * (use it as a `setupFiles` entry), brings their types, and scopes each test so runs and
 * verdicts land on the test that produced them even under `test.concurrent`.
 */
import * as vitest from 'vitest';
import { stressMatchers } from './index.js';
import './types.js';
import '../contracts/meta.js';
import { installTestScope } from '../vitest/test-scope.js';

vitest.expect.extend(stressMatchers);
// aroundEach exists from Vitest 4.1; read through the namespace so 4.0 still imports this file.
installTestScope((vitest as { aroundEach?: Parameters<typeof installTestScope>[0] }).aroundEach);

export { stressMatchers };
export type { StressMatchers } from './types.js';
export type { SlaVerdict, StressMeta, RunMeta, TryMeta } from '../contracts/meta.js';
