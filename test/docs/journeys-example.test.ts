// The example of docs/journeys.md, run as it is shown there (imports from 'vitest-stress').
// --8<-- [start:spec]
import { afterAll, beforeAll, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { generateCreditRecords } from '../../src/data/index.js';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';

let service: Ethix; // the bundled reference service; point target at your own
beforeAll(async () => {
  service = await startEthix();
});
afterAll(() => service.close());

test('an analysis is followed to its report, and both steps meet their SLA', async () => {
  const records = generateCreditRecords(20, { seed: 7 });
  const run = await load({
    target: service.url,
    users: 4, // each virtual user walks one journey after another (closed model)
    duration: '2s',
    seed: 42, // journey picks (by weight) repeat from run to run
    journeys: [
      {
        name: 'analyze-and-fetch',
        weight: 3,
        steps: [
          {
            name: 'analyze',
            method: 'POST',
            path: '/api/analyze',
            body: { records },
            capture: {
              reportId: { json: '$.reportId' }, // a JSON path into the answer
              analysisId: { header: 'x-request-id' }, // the id this step's request carried
            },
            thinkTime: '20ms', // pause before the next step
          },
          {
            name: 'fetch-report',
            path: ({ vars }) => `/api/reports/${vars.reportId}`,
            check: (res, vars) =>
              (res.json as { requestId?: string }).requestId === vars.analysisId ||
              'the report belongs to another analysis',
          },
        ],
      },
      {
        name: 'versioned-health',
        weight: 1,
        steps: [
          // The service's /health names no version: this capture finds nothing, the step fails.
          { name: 'health', path: '/health', capture: { version: { json: '$.version' } } },
          { name: 'never-sent', path: ({ vars }) => `/api/v${vars.version}/status` },
        ],
      },
    ],
  });
  expect(run.steps!['fetch-report']).toHaveP95Below(300);
  expect(run.steps!['fetch-report']).toHaveErrorRateBelow(0.01);
  expect(run.journeys!['analyze-and-fetch']).toHaveP95Below(3000);
  // The failing step is named, with why; the step after it is counted as skipped, never sent.
  const health = run.journeys!['versioned-health'];
  expect(health.failed).toBeGreaterThan(0);
  expect(health.failedAt).toEqual({ health: health.failed });
  expect(run.steps!.health.errors[0].message).toBe("capture 'version' found nothing");
  expect(run.steps!['never-sent'].skipped).toBe(health.failed);
  expect(run.steps!['never-sent'].requests.total).toBe(0);
  // Every step request has its own id; the ledger links the two of one iteration.
  const fetched = run.ledger.find((e) => e.scenario === 'fetch-report' && e.outcome === 'ok')!;
  const walk = run.ledger.filter((e) => e.journeyId === fetched.journeyId);
  expect(walk.map((e) => e.scenario)).toEqual(['analyze', 'fetch-report']);
});
// --8<-- [end:spec]
