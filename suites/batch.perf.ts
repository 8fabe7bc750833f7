import { describe, expect, test } from 'vitest';
import { load, profileDuration, type RunResult } from '../src/index.js';
import { expectCompleteAudit } from './setup/audit.js';
import { payload } from './setup/seed-mix.js';
import { suiteTarget } from './setup/target.js';
import { waitForIdle } from './setup/wait-for-idle.js';

const SIZES = [100, 500, 1000, 5000] as const;
// Latency may grow up to 50% faster than the payload before we call it worse than linear:
// headroom for a 2-core machine whose load generator, service and neighbours share the CPU.
const LINEAR_TOLERANCE = 1.5;

// Seed scenario 4 — batch processing: 5 users posting payloads of 100/500/1000/5000 records.
// Verdicts: latency grows no worse than linearly with size; 5000 records never time out.
describe('batch', () => {
  test('latency grows no worse than linearly with payload size, and 5000 records never time out', async ({ annotate }) => {
    const target = suiteTarget();
    const runs = new Map<number, RunResult>();
    for (const size of SIZES) {
      await waitForIdle(target.url);
      const run = await load({
        name: `batch-${size}`,
        target: target.url,
        users: 5,
        duration: profileDuration('1m'),
        timeout: '60s',
        scenarios: [{ name: `analyze-${size}`, method: 'POST', path: '/api/analyze', body: payload(size), headers: { 'content-type': 'application/json' } }],
      });
      runs.set(size, run);
      await expectCompleteAudit(run, target);
    }

    const rows = SIZES.map((size) => {
      const r = runs.get(size)!;
      return `${String(size).padStart(5)} records  n=${String(r.latency.count).padStart(4)}  p50 ${String(r.latency.p50 ?? 'n/a').padStart(9)} ms  p95 ${String(r.latency.p95 ?? 'n/a').padStart(9)} ms  per record ${r.latency.p50 === null ? 'n/a' : (r.latency.p50 / size).toFixed(3)} ms  errors ${(r.errorRate * 100).toFixed(1)}%`;
    });
    await annotate(`latency by payload size\n${rows.join('\n')}`);

    for (const size of SIZES) expect(runs.get(size)!).toHaveErrorRateBelow(0.01);
    const big = runs.get(5000)!;
    expect(big.requests.timeouts, '5000-record requests that timed out').toBe(0);
    expect(big).toHaveP95Below(60_000);
    for (let i = 1; i < SIZES.length; i++) {
      const small = runs.get(SIZES[i - 1])!.latency.p50!;
      const large = runs.get(SIZES[i])!.latency.p50!;
      const sizeRatio = SIZES[i] / SIZES[i - 1];
      expect(large / small, `p50 grew ${(large / small).toFixed(2)}× from ${SIZES[i - 1]} to ${SIZES[i]} records (size grew ${sizeRatio}×)`).toBeLessThanOrEqual(sizeRatio * LINEAR_TOLERANCE);
    }
  });
});
