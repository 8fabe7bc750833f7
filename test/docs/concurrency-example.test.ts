// The concurrency example of docs/reporter.md, run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { describe, test } from 'vitest';
import { measure } from '../../src/index.js';

const payload = { records: Array.from({ length: 100 }, (_, i) => ({ id: i, score: i / 100 })) };

// With 'vitest-stress/matchers' in setupFiles, each run and verdict lands on its own test.
describe.concurrent('serialisers side by side', () => {
  test('JSON.stringify', async ({ expect }) => {
    const run = await measure(() => JSON.stringify(payload), { iterations: 200 });
    expect(run).toHaveP95Below(50); // ms per call
  });
  test('structuredClone', async ({ expect }) => {
    const run = await measure(() => structuredClone(payload), { iterations: 200 });
    expect(run).toHaveP95Below(50);
  });
});

// The explicit form, exact without the setup file too: pass the test context.
test.concurrent('explicit test context', async (context) => {
  const run = await measure(() => JSON.parse('{"a":1}'), { iterations: 200, test: context });
  context.expect(run).toHaveP95Below(50);
});
// --8<-- [end:spec]
