import { expect } from 'vitest';
import type { RunResult } from 'vitest-stress';

declare const run: RunResult;
// @ts-expect-error a threshold in ms is a number, not a duration string
expect(run).toHaveP95Below('2s');
expect(run).toHaveP95Below(2000);
expect(run).not.toHaveErrorRateBelow(0.5);
expect(run).toHavePercentileBelow(99.9, 3000);
