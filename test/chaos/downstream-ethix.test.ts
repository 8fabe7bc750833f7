import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  startAiCore,
  startBackend,
  type AiCore,
  type Backend,
} from '../../fixtures/ethix-service/index.js';
import { chaosProxy, withFaults, type ChaosProxy } from '../../src/chaos/index.js';
import { generateCreditRecords } from '../../src/data/index.js';
import { load } from '../../src/load.js';

// The proxy sits between the backend and its AI core: the backend's own answers under a
// failing dependency are what the load sees. The backend passes X-Request-Id on, so the
// proxy's log joins with the load's ledger.
let aiCore: AiCore;
let proxy: ChaosProxy;
let backend: Backend;

beforeAll(async () => {
  aiCore = await startAiCore({ workers: 1 });
  proxy = await chaosProxy({
    target: aiCore.url,
    seed: 5,
    faults: [
      { type: 'status', rate: 0.2, code: 500 },
      { type: 'timeout', rate: 0.15 },
      { type: 'reset', rate: 0.1 },
    ],
  });
  backend = await startBackend({ aiCoreUrl: proxy.url, auditStore: 'memory', deadlineMs: 1000 });
});
afterAll(async () => {
  await backend?.close();
  await proxy?.close();
  await aiCore?.close();
});

describe('downstream chaos: a failing AI core behind the backend', () => {
  test('the backend answers 503 or 504 for every injected fault, never hangs, and audits every request', async () => {
    const record = generateCreditRecords(1, { seed: 3 })[0];
    const started = Date.now();
    const run = await load({
      target: backend.url,
      users: 6,
      requests: 90,
      timeout: '3s',
      progress: false,
      scenarios: [{ name: 'explain', method: 'POST', path: '/api/explain', body: { record } }],
    });
    const result = withFaults(run, proxy);
    const { outcomes, injected, join } = result.faults;

    expect(join).toMatchObject({ exact: true, matched: 90 });
    expect(
      Object.keys(result.statusCodes).filter((s) => !['200', '503', '504'].includes(s)),
    ).toEqual([]);
    // Every injected fault becomes the backend's own 503 (500s, resets) or 504 (held calls).
    for (const fault of ['status', 'timeout', 'reset'])
      expect(outcomes[fault]).toEqual({ 'http-error': injected[fault] });
    expect(result.requests.timeouts + result.requests.errors).toBe(0);
    // Untouched calls succeed, unless a starved 2-core machine pushes one past the 1 s deadline
    // (an honest 504 that no fault explains, which the breakdown shows).
    expect(outcomes.none.ok ?? 0).toBeGreaterThanOrEqual(0.8 * injected.none);
    expect(
      Object.keys(result.faults.unexplained.statusCodes).filter((s) => s !== '503' && s !== '504'),
    ).toEqual([]);

    const audit = await fetch(`${backend.url}/api/audit/export?since=${started - 1}`).then(
      (r) => r.json() as Promise<{ records: Array<{ requestId: string; status: number }> }>,
    );
    const audited = new Map(audit.records.map((r) => [r.requestId, r.status]));
    for (const entry of result.ledger) expect(audited.get(entry.id), entry.id).toBe(entry.status);
  });
});
