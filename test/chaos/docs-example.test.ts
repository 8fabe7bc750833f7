import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

test('docs/chaos.md shows the seed scenario exactly as test/chaos/seed-scenario.test.ts runs it', () => {
  const spec = read('./seed-scenario.test.ts')
    .split('// --8<-- [start:spec]\n')[1]
    .split('// --8<-- [end:spec]')[0];
  expect(read('../../docs/chaos.md')).toContain(`\`\`\`ts\n${spec}\`\`\``);
});

test("the seed's mix is one line in the docs", () => {
  expect(read('../../docs/chaos.md')).toContain(
    "faults: [{ type: 'timeout', rate: 0.1 }, { type: 'reset', rate: 0.05 }, { type: " +
      "'latency', rate: 0.15, ms: 5000 }]",
  );
});
