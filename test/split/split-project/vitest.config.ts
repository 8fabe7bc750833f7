import { defineConfig } from 'vitest/config';

// A stand-alone project run by test/split/split-merge.test.ts as three processes (STRESS_SPLIT=i/3).
export default defineConfig({
  test: {
    include: ['*.e2e.ts'],
    setupFiles: ['../../../src/matchers/register.ts'],
    testTimeout: 120_000,
    reporters: [
      'default',
      [
        '../../../src/reporters/index.ts',
        { outputDir: process.env.VS_SPLIT_OUT ?? 'perf-results', summary: false },
      ],
    ],
  },
});
