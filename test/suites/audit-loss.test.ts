import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEthix, type Ethix } from '../../fixtures/ethix-service/index.js';
import { load } from '../../src/load.js';

// The audit verdict of every suite must catch a service that loses records: the reference
// service's faulty variant drops one audit record in every thousand.
let lossy: Ethix;
beforeAll(async () => {
  lossy = await startEthix({ auditDropEvery: 1000, logger: { warn: () => undefined } });
});
afterAll(() => lossy.close());

describe('audit completeness against a service that loses one record in a thousand', () => {
  test('the audit verdict fails and names the missing ids', async () => {
    const run = await load({
      target: lossy.url,
      users: 10,
      requests: 2500,
      scenarios: [{ name: 'query', path: '/api/audit?requestId=probe' }],
    });
    expect(run.requests.ok).toBe(2500);
    await expect(
      expect(run).toHaveCompleteAuditTrail({ exportUrl: lossy.url }, { settleMs: 500 }),
    ).rejects.toThrow(
      new RegExp(
        String.raw`^expected every answered request to appear exactly once in the audit trail: ` +
          String.raw`2 of 2500 answered requests missing \(e\.g\. vs-[0-9a-f]{8}-\d+, ` +
          String.raw`vs-[0-9a-f]{8}-\d+\), 0 duplicated, 0 unknown$`,
      ),
    );
  }, 120_000);
});
