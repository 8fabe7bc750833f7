import { describe, expect, test } from 'vitest';
import { load, scaleStages, type StageOptions } from '../src/index.js';
import { expectCompleteAudit } from './setup/audit.js';
import { seedJourneys } from './setup/seed-mix.js';
import { suiteTarget } from './setup/target.js';
import { waitForIdle } from './setup/wait-for-idle.js';

// Seed scenario 5 — spike: 5 users, a sudden jump to 100, back down to 10 (full: 1 min, 30 s, 1 min).
// Users think 0.5–1.5 s: 5 or 10 such users are light work for the service, 100 overload it.
// SLA: within 1 minute after the spike, a 2 s window whose p95 is at most 3× the warm-up p95
// (headroom for a 2-core machine that runs the service and the load) and whose error rate is
// at most the warm-up's + 1 point.
const WARM_MIN_MS = 3000;
const COOL_MIN_MS = 8000;

describe('spike', () => {
  test('5 → 100 → 10 users: recovers within 1 minute after the spike', async () => {
    const target = suiteTarget();
    await waitForIdle(target.url);
    const stages = scaleStages<StageOptions>([
      { name: 'warm', duration: '1m', users: 5 },
      { name: 'spike', duration: '30s', users: 100 },
      { name: 'cool', duration: '1m', users: 10 },
    ]);
    // Draining the spike's queue takes seconds whatever the profile: keep at least 3 s of
    // warm-up (the baseline) and 8 s of cool-down so that recovery (or its absence) can be
    // seen even at the smoke profile.
    stages[0].duration = Math.max(Number(stages[0].duration), WARM_MIN_MS);
    stages[2].duration = Math.max(Number(stages[2].duration), COOL_MIN_MS);
    const run = await load({
      name: 'spike',
      target: target.url,
      stages,
      thinkTime: { min: '500ms', max: '1500ms' },
      timeout: '30s',
      journeys: seedJourneys(1000), // the 10% query share as a journey: analyze → report → audit
    });
    // The query journeys' answers are right or wrong whatever the load, so they are judged first: no
    // check or capture fails and every report just made is found.
    const wrong = Object.values(run.steps!)
      .flatMap((step) => step.errors)
      .filter((e) => /^(check|capture) /.test(e.message));
    expect(wrong).toEqual([]);
    expect(run.steps!['fetch-report'].statusCodes['404'] ?? 0).toBe(0);
    expect(run.phase('warm')).toHaveErrorRateBelow(0.01, { confidence: 0.95 });
    expect(run).toRecoverWithin(60_000, {
      after: 'spike',
      tolerance: { p95Factor: 3, errorRate: 0.01, windowS: 2 },
    });
    await expectCompleteAudit(run, target);
  });
});
