import { expect, test } from 'vitest';
import { capacityBlock, uslText } from '../../src/report-text/capacity-block.js';
import { summaryText } from '../../src/reporters/summary-text.js';
import { capacityResult } from '../helpers/capacity-result.js';
import { testRecord } from '../reporters/html/report-fixtures.js';

test('headline, SLA, a row per level in ascending order, knee, USL and the limiter', () => {
  expect(capacityBlock(capacityResult())).toEqual([
    '  Capacity:      breaking point: 36 users (95%: passes at 36, fails at 37 on p95)',
    '  Levels:        7 in 21.0 s, resolution 1 users, 95% bounds',
    '  SLA:           p95 < 500 ms, error rate < 5%',
    '      users verdict            rps  p95 ms [interval]   errors',
    '         10 pass             100.0     105 [100, 110]    0.10%',
    '         20 pass             195.0     110 [105, 116]    0.10%',
    '         30 pass             270.0     180 [171, 189]    0.10%   knee',
    '         35 pass             285.0     420 [399, 441]    0.10%   refine',
    '         36 pass             287.0     470 [447, 494]    0.10%   capacity, refine',
    '         37 fail             288.0     560 [532, 588]    0.10%   refine, extended ×2',
    '         40 fail             290.0     900 [855, 945]    0.10%',
    '  Knee:          30 users (throughput within 90% of its peak)',
    '  USL:           σ 0.020 (contention), κ 0.00040 (coherency), λ 10.20 rps/user, ' +
      'peak 305.1 rps at 49.5 users, R² 0.991',
    '  Limited by:    pool_workers_busy 4.0 of 4 (saturated first, from 30 users); ' +
      'then pool_queue_length max 3 (from 35 users)',
  ]);
});

test('a p95 without an SLA line has no interval; the generator and warnings are marked', () => {
  const result = capacityResult({ warnings: ['search stopped by maxWallTime (1000 ms)'] });
  result.levels[0] = { ...result.levels[0], lines: [], generatorWarnings: ['lagged'] };
  const block = capacityBlock(result);
  expect(block).toContain(
    '         10 pass             100.0                105    0.10%   generator lagged',
  );
  expect(block.at(-1)).toBe('  Warning:       search stopped by maxWallTime (1000 ms)');
});

test('uslText: a plateau, or why there is no fit', () => {
  const plateau = capacityResult();
  plateau.usl = {
    lambda: 10,
    sigma: 0.03,
    kappa: 0,
    peakUsers: null,
    peakRps: 333.3,
    rSquared: 0.9,
  };
  expect(uslText(plateau)).toBe(
    'σ 0.030 (contention), κ 0.0 (coherency), λ 10.00 rps/user, plateau 333.3 rps (κ ≈ 0), R² 0.900',
  );
  expect(uslText(capacityResult({ usl: 'a USL fit needs the closed model (users levels)' }))).toBe(
    'no fit: a USL fit needs the closed model (users levels)',
  );
});

test('the summary shows the block for a test with a capacity search', () => {
  const text = summaryText([{ ...testRecord('cap', []), capacity: [capacityResult()] }]);
  expect(text).toContain(
    ' ✓ suites/x.perf.ts > suite > cap\n  Capacity:      breaking point: 36 users',
  );
  expect(text).toContain(
    '  Limited by:    pool_workers_busy 4.0 of 4 (saturated first, from 30 users)',
  );
});
