import { describe, expect, test } from 'vitest';
import { load, profileDuration } from '../src/index.js';
import { expectCompleteAudit } from './setup/audit.js';
import { seedMix } from './setup/seed-mix.js';
import { suiteTarget } from './setup/target.js';
import { waitForIdle } from './setup/wait-for-idle.js';

// Seed scenario 2 — moderate stress: 50 concurrent users, no think time, 10 minutes (full).
// SLA: p95 < 5 s, errors < 5%.
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
    expect(run).toHaveP95Below(5000);
    expect(run).toHaveErrorRateBelow(0.05);
    await expectCompleteAudit(run, target);
  });
});
