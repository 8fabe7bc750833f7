import { describe, expect, test } from 'vitest';
import { load, profileDuration } from '../src/index.js';
import { expectCompleteAudit } from './setup/audit.js';
import { seedMix } from './setup/seed-mix.js';
import { suiteTarget } from './setup/target.js';
import { waitForIdle } from './setup/wait-for-idle.js';

// Seed scenario 2 — moderate stress: 50 concurrent users, no think time, 10 minutes (full).
// SLA: p95 < 5 s, errors < 5%, judged with 95% confidence. Regression gate: the committed
// baseline (suites/__perf__/stress-50.perf.ts.json, smoke profile, this machine) with tolerances
// wide enough for a shared 2-core runner; a noisy baseline makes the verdict inconclusive, not red.
describe('stress: 50 users', () => {
  test('50 concurrent users meet p95 < 5 s and errors < 5%', async () => {
    const target = suiteTarget();
    await waitForIdle(target.url);
    const run = await load({
      name: 'stress-50',
      target: target.url,
      users: 50,
      duration: profileDuration('10m'),
      timeout: '30s',
      scenarios: seedMix(),
    });
    expect(run).toMatchPerfBaseline({ p95: '+25%', errorRate: '+2pp', throughput: '-20%' });
    expect(run).toHaveP95Below(5000, { confidence: 0.95 });
    expect(run).toHaveErrorRateBelow(0.05, { confidence: 0.95 });
    await expectCompleteAudit(run, target);
  });
});
