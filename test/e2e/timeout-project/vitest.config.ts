import { defineConfig } from 'vitest/config';

// A stand-alone project run by test/load/load-failure-modes.test.ts in a child process: its one
// test times out on purpose, and its afterAll reports what the load did after that.
export default defineConfig({
  test: {
    include: ['*.e2e.ts'],
    reporters: ['default'],
  },
});
