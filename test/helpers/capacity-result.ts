import type { CapacityLevel, CapacityMeta } from '../../src/contracts/capacity.js';

const P95_LIMIT_MS = 500;

/** A level of the hand-built search: p95 judged against 500 ms, error rate against 5%. */
function level(
  users: number,
  state: CapacityLevel['state'],
  throughputRps: number,
  p95Ms: number,
  over: Partial<CapacityLevel> = {},
): CapacityLevel {
  return {
    level: users,
    state,
    runs: 1,
    durationMs: 2000,
    throughputRps,
    p50Ms: p95Ms / 2,
    p95Ms,
    p99Ms: p95Ms * 1.2,
    errorRate: 0.001,
    lines: [
      {
        metric: 'p95',
        unit: 'ms',
        limit: P95_LIMIT_MS,
        observed: p95Ms,
        low: p95Ms * 0.95,
        high: p95Ms * 1.05,
        state,
      },
      {
        metric: 'error rate',
        unit: 'fraction',
        limit: 0.05,
        observed: 0.001,
        low: 0,
        high: 0.004,
        state: 'pass',
      },
    ],
    phase: 'step',
    generatorWarnings: [],
    resources: [
      {
        resource: 'workers pool_workers',
        value: Math.min(4, users / 7.5),
        limit: 4,
        saturated: users >= 30,
        text: `pool_workers_busy ${Math.min(4, users / 7.5).toFixed(1)} of 4`,
      },
      {
        resource: 'queue pool_queue_length',
        value: Math.max(0, users - 34),
        limit: null,
        saturated: users >= 35,
        text: `pool_queue_length max ${Math.max(0, users - 34)}`,
      },
      {
        resource: 'CPU',
        value: 0.4,
        limit: 2,
        saturated: false,
        text: 'CPU 0.40 of 2 cores',
      },
    ],
    ...over,
  };
}

/**
 * A closed-model search built by hand: steps 10, 20, 30 pass, 40 fails; bisection 35 passes,
 * 37 fails after two extensions, 36 passes. Capacity 36, first failing 37 on p95, knee 30,
 * workers saturated from 30 (first), the queue from 35.
 */
export function capacityResult(over: Partial<CapacityMeta> = {}): CapacityMeta {
  const levels = [
    level(10, 'pass', 100, 105),
    level(20, 'pass', 195, 110),
    level(30, 'pass', 270, 180),
    level(40, 'fail', 290, 900),
    level(35, 'pass', 285, 420, { phase: 'refine' }),
    level(37, 'fail', 288, 560, { phase: 'refine', runs: 3, durationMs: 8000 }),
    level(36, 'pass', 287, 470, { phase: 'refine' }),
  ];
  const failing = levels[5];
  return {
    kind: 'vitest-stress/capacity',
    model: 'closed',
    unit: 'users',
    outcome: 'found',
    capacity: 36,
    firstFailing: 37,
    brokenLines: failing.lines.filter((l) => l.state !== 'pass'),
    generatorBound: false,
    confidence: 0.95,
    resolution: 1,
    knee: 30,
    usl: {
      lambda: 10.2,
      sigma: 0.02,
      kappa: 0.0004,
      peakUsers: 49.5,
      peakRps: 305.1,
      rSquared: 0.991,
    },
    attribution: {
      possible: true,
      limitedBy: [
        {
          resource: 'workers pool_workers',
          sinceLevel: 30,
          text: 'pool_workers_busy 4.0 of 4 (saturated from 30)',
        },
        {
          resource: 'queue pool_queue_length',
          sinceLevel: 35,
          text: 'pool_queue_length max 3 (saturated from 35)',
        },
      ],
      generatorBound: false,
      text: 'pool_workers_busy 4.0 of 4 (saturated from 30); pool_queue_length max 3 (saturated from 35)',
    },
    levels,
    wallTimeMs: 21_000,
    warnings: [],
    ...over,
  };
}
