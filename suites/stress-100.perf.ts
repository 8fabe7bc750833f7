import { describe, expect, inject, test } from 'vitest';
import { findCapacity, load, profileDuration } from '../src/index.js';
import { expectCompleteAudit } from './setup/audit.js';
import { seedMix, stressCapacityOptions } from './setup/seed-mix.js';
import { highestSustainedThroughput } from './setup/sustained-throughput.js';
import { suiteTarget } from './setup/target.js';
import { waitForIdle } from './setup/wait-for-idle.js';

// Seed scenario 3 — the breaking point: 100 concurrent users, no think time, 5 minutes (full).
// Degraded but responsive: whatever fails is refused quickly with 503 + Retry-After (or 429),
// never a hang, a reset or a timeout; the suite reports the highest sustained throughput.
// No latency threshold: answers count only when they come, and the 30 s timeout bounds them, so
// `p99 < 30 s` could not fail. Regression gate instead: the committed smoke baseline
// (suites/__perf__/stress-100.perf.ts.json) for the p95 of answers and the throughput, with
// tolerances wide enough for run-to-run noise on a shared 2-core runner (see stress-50).
describe('stress: 100 users', () => {
  test('100 concurrent users: degraded but responsive', async ({ annotate }) => {
    const target = suiteTarget();
    await waitForIdle(target.url);
    const run = await load({
      name: 'stress-100',
      target: target.url,
      users: 100,
      duration: profileDuration('5m'),
      timeout: '30s',
      scenarios: seedMix(),
    });
    const peak = highestSustainedThroughput(run.timeline);
    await annotate(
      `highest sustained throughput: ${peak} successful responses/s (best 5 s window); ` +
        `${run.requests.httpErrors} refused of ${run.requests.total}`,
    );

    // Every failure a quick refusal (503 + Retry-After or 429): no timeouts, resets or other 5xx.
    expect(run).toDegradeGracefully();
    expect(run).toMatchPerfBaseline({ p95: '+150%', throughput: '-60%' });
    await expectCompleteAudit(run, target);
  });

  // The plan's success criterion, "breaking point identified — document max users": a capacity
  // search from 10 to 100 users under the seed's stress SLA (p95 < 5 s, errors < 5%), each level
  // judged with 95% confidence, bisected to 5 users, the limit attributed from the backend's and
  // the AI core's /metrics (event-loop lag, CPU, the SHAP pool's admitted jobs against its maximum,
  // refusals) and the 503s the client saw. Asserted: the search finished with
  // an answer and at least the first level (10 users) is sustained — the seed expects the break
  // at 60–100 users; the level found and what limited it are annotated for the report.
  test('breaking point: a capacity search up to 100 users', async ({ annotate }) => {
    const target = suiteTarget();
    await waitForIdle(target.url);
    const aiCore = inject('stressAiCoreUrl');
    const capacity = await findCapacity({
      ...stressCapacityOptions(target.url, profileDuration('30s'), aiCore),
      name: 'stress-100 capacity',
    });
    const levels = capacity.levels.map((l) => `${l.level}:${l.state}`).join(' ');
    await annotate(
      `breaking point: ${capacity.outcome}, capacity ${capacity.capacity ?? 'none'} users, ` +
        `first failing ${capacity.firstFailing ?? 'none'}; levels ${levels}; limited by: ` +
        `${capacity.attribution.text}`,
    );
    expect(capacity.outcome).not.toBe('stopped');
    expect(capacity).toSustainAtLeast(10, 'users');
    // With both sources sampled, a break is attributed to the SHAP pool (its queue, its admission
    // limit) or the 503 refusals it causes — not to the backend's audit buffer alone.
    if (aiCore && capacity.outcome === 'found') {
      const named = capacity.attribution.limitedBy.map((r) => r.resource).join('; ');
      expect(named).toMatch(/ai-core (queue|admitted)|refusals/);
    }
  });
});
