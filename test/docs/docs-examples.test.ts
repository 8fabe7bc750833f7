import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The marked part of a runnable example, with its imports as a user writes them. */
function example(file: string): string {
  const spec = read(file).split('// --8<-- [start:spec]\n')[1].split('// --8<-- [end:spec]')[0];
  return spec
    .replace(/from '\.\.\/\.\.\/src\/(chaos|metrics|data)\/index\.js'/g, "from 'vitest-stress/$1'")
    .replace(/from '\.\.\/\.\.\/src\/entries\/(stats|split)\.js'/g, "from 'vitest-stress/$1'")
    .replace("from '../../src/index.js'", "from 'vitest-stress'")
    .replace("from '../../../src/index.js'", "from 'vitest-stress'")
    .replace("'../../fixtures/", "'../fixtures/");
}

test.each([
  ['../../docs/load.md', './load-example.test.ts'],
  ['../../docs/measure.md', './measure-example.test.ts'],
  ['../../docs/reporter.md', './concurrency-example.test.ts'],
  ['../../docs/distributed.md', '../split/split-project/split.e2e.ts'],
  ['../../docs/distributed.md', './merged-baseline-example.ts'],
  ['../../docs/observability.md', './observability-example.test.ts'],
  ['../../docs/trust.md', './trust-confidence-example.test.ts'],
  ['../../docs/trust.md', './trust-baseline-example.test.ts'],
  ['../../docs/trust.md', './ab-example.test.ts'],
  ['../../docs/trust.md', './trust-sequential-example.test.ts'],
  ['../../docs/capacity.md', './capacity-example.test.ts'],
  ['../../docs/feeders.md', './feeders-example.test.ts'],
  ['../../docs/journeys.md', './journeys-example.test.ts'],
  ['../../docs/ledger.md', './ledger-example.test.ts'],
])('%s shows %s exactly as it runs', (doc, file) => {
  expect(read(doc)).toContain(`\`\`\`ts\n${example(file)}\`\`\``);
});
