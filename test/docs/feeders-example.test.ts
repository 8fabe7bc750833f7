// The example of docs/feeders.md, run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { afterAll, beforeAll, expect, test } from 'vitest';
import { feeder, load } from '../../src/index.js';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';

let service: Ethix; // the bundled reference service; point target at your own
beforeAll(async () => {
  service = await startEthix();
});
afterAll(() => service.close());

test('every applicant of the CSV file is explained exactly once', async () => {
  // The header row names the fields; cast turns 692 into a number and an empty age into null.
  const applicants = feeder('fixtures/data/applicants.csv', { order: 'unique', cast: true });
  const explained: unknown[] = [];
  const run = await load({
    target: service.url,
    users: 2,
    requests: applicants.size,
    scenarios: [
      {
        name: 'explain',
        method: 'POST',
        path: '/api/explain',
        body: () => {
          const record = applicants.next(0)!; // a plain scenario has no user: share user 0's cursor
          explained.push(record.applicant_id);
          return { record };
        },
      },
    ],
  });
  expect(run.requests.ok).toBe(6);
  expect(new Set(explained).size).toBe(6);
  expect(applicants.next(0)).toBeUndefined(); // unique + onExhausted 'stop' (its default)
});
// --8<-- [end:spec]
