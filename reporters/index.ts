import type { Reporter } from 'vitest/node';

/** vitest-stress reporter (being written). */
export default class StressReporter implements Reporter {
  constructor(_options: { outputDir?: string } = {}) {}
}
