import { expect } from 'vitest';
import { stressMatchers } from '../../../../src/matchers/index.js';
import '../../../../src/matchers/types.js';

// Matchers without the scope hook that 'vitest-stress/matchers' installs.
expect.extend(stressMatchers);
