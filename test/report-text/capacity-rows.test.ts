import { describe, expect, test } from 'vitest';
import {
  attributionRows,
  capacityHeadline,
  levelAt,
  limiterResource,
  limiterText,
  slaText,
} from '../../src/report-text/capacity-rows.js';
import { capacityResult } from '../helpers/capacity-result.js';

describe('attributionRows', () => {
  test('every resource at the first failing level, its reading at the knee, since when saturated', () => {
    expect(attributionRows(capacityResult())).toEqual([
      {
        resource: 'workers pool_workers',
        atKnee: 'pool_workers_busy 4.0 of 4',
        atFailing: 'pool_workers_busy 4.0 of 4',
        saturated: true,
        sinceLevel: 30,
        first: true,
      },
      {
        resource: 'queue pool_queue_length',
        atKnee: 'pool_queue_length max 0',
        atFailing: 'pool_queue_length max 3',
        saturated: true,
        sinceLevel: 35,
        first: false,
      },
      {
        resource: 'CPU',
        atKnee: 'CPU 0.40 of 2 cores',
        atFailing: 'CPU 0.40 of 2 cores',
        saturated: false,
        sinceLevel: null,
        first: false,
      },
    ]);
  });

  test('no readings, no rows; without a failing level the highest level is read', () => {
    const bare = capacityResult();
    bare.levels = bare.levels.map(({ resources: _r, ...l }) => l);
    expect(attributionRows(bare)).toEqual([]);
    const top = capacityResult({ outcome: 'limit-not-reached', firstFailing: null });
    expect(attributionRows(top)[1].atFailing).toBe('pool_queue_length max 6');
  });
});

describe('capacityHeadline', () => {
  test('each outcome in words', () => {
    expect(capacityHeadline(capacityResult())).toBe(
      'breaking point: 36 users (95%: passes at 36, fails at 37 on p95)',
    );
    expect(
      capacityHeadline(capacityResult({ outcome: 'limit-not-reached', firstFailing: null })),
    ).toBe('no breaking point up to 36 users (limit not reached)');
    expect(
      capacityHeadline(capacityResult({ outcome: 'none', capacity: null, firstFailing: 10 })),
    ).toBe('no capacity: even 10 users did not pass (p95)');
    expect(capacityHeadline(capacityResult({ generatorBound: true }))).toMatch(
      / — a lower bound set by the load generator$/,
    );
  });
});

describe('limiterText and limiterResource', () => {
  test('the resource that saturated first, then the others', () => {
    expect(limiterText(capacityResult())).toBe(
      'pool_workers_busy 4.0 of 4 (saturated first, from 30 users); then pool_queue_length max 3 (from 35 users)',
    );
    expect(limiterResource(capacityResult())).toBe('workers pool_workers');
  });

  test('the generator, or why attribution was not possible', () => {
    const bound = capacityResult({ generatorBound: true });
    expect(limiterText(bound)).toMatch(
      /^the load generator \(it lagged or sent late: a lower bound\); pool_workers/,
    );
    expect(limiterResource(bound)).toBe('load generator');
    const none = capacityResult();
    none.attribution = {
      possible: false,
      reason: 'metrics sampling was turned off (metrics: false)',
      limitedBy: [],
      generatorBound: false,
      text: 'attribution not possible: metrics sampling was turned off (metrics: false)',
    };
    none.levels = none.levels.map(({ resources: _r, ...l }) => l);
    expect(limiterText(none)).toBe(none.attribution.text);
    expect(limiterResource(none)).toBeNull();
  });
});

test('slaText and levelAt', () => {
  expect(slaText(capacityResult())).toBe('p95 < 500 ms, error rate < 5%');
  expect(levelAt(capacityResult(), 37)?.runs).toBe(3);
  expect(levelAt(capacityResult(), null)).toBeUndefined();
});
