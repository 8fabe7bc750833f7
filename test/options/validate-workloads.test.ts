import { describe, expect, test } from 'vitest';
import { validateLoadOptions } from '../../src/options/validate-load.js';
import type { LoadOptions } from '../../src/options/load-options.js';
import { selectDriver } from '../../src/engine/select-driver.js';
import { autocannonDriver } from '../../src/engine/autocannon-driver.js';
import { openDriver } from '../../src/engine/open-driver.js';
import { vuDriver } from '../../src/engine/vu-driver.js';

const target = 'http://127.0.0.1:3000';

/** The coded error thrown for `options`, as { code, field }. */
function rejection(options: Partial<LoadOptions>): { code: string; field: string } {
  try {
    validateLoadOptions({ target, ...options } as LoadOptions);
  } catch (error) {
    const e = error as { code: string; field: string };
    return { code: e.code, field: e.field };
  }
  throw new Error('expected the options to be rejected');
}

describe('bad workload options → ERR_STRESS_INVALID_OPTION naming the field', () => {
  const cases: Array<[string, Partial<LoadOptions>, string]> = [
    ['a stage without duration', { stages: [{ users: 5 } as never] }, 'stages[0].duration'],
    ['a stage with a zero duration', { stages: [{ duration: 0, users: 5 }] }, 'stages[0].duration'],
    ['negative users in a stage', { stages: [{ duration: '1s', users: -1 }] }, 'stages[0].users'],
    [
      'fractional users in a stage',
      { stages: [{ duration: '1s', users: 1.5 }] },
      'stages[0].users',
    ],
    ['negative users', { users: -3 }, 'users'],
    ['zero users', { users: 0 }, 'users'],
    ['negative rate', { rate: -10 }, 'rate'],
    ['infinite rate', { rate: Infinity }, 'rate'],
    ['negative rate in a stage', { stages: [{ duration: '1s', rate: -1 }] }, 'stages[0].rate'],
    ['think time with min > max', { thinkTime: { min: '5s', max: '1s' } }, 'thinkTime.min'],
    ['think time without max', { thinkTime: { min: '1s' } as never }, 'thinkTime.max'],
    ['a negative think time', { thinkTime: -5 }, 'thinkTime'],
    ['think time in the open model', { rate: 100, thinkTime: '1s' }, 'thinkTime'],
    [
      'rate and users in one stage',
      { stages: [{ duration: '1s', users: 5, rate: 10 }] },
      'stages[0]',
    ],
    ['a stage with neither users nor rate', { stages: [{ duration: '1s' }] }, 'stages[0].users'],
    [
      'users and rate stages mixed',
      {
        stages: [
          { duration: '1s', users: 5 },
          { duration: '1s', rate: 5 },
        ],
      },
      'stages[1].rate',
    ],
    ['both rate and users', { users: 5, rate: 10 }, 'rate'],
    [
      'duration next to stages',
      { duration: '10s', stages: [{ duration: '1s', users: 5 }] },
      'duration',
    ],
    ['an empty stage list', { stages: [] }, 'stages'],
    [
      'a ramp longer than its stage',
      { stages: [{ duration: '1s', users: 5, ramp: '2s' }] },
      'stages[0].ramp',
    ],
    [
      'two stages with one name',
      {
        stages: [
          { name: 'a', duration: '1s', users: 5 },
          { name: 'a', duration: '1s', users: 5 },
        ],
      },
      'stages[1].name',
    ],
    [
      'a plan that sends nothing',
      {
        stages: [
          { duration: '1s', users: 0 },
          { duration: '1s', users: 0 },
        ],
      },
      'stages[0].users',
    ],
    ['zero maxInFlight', { rate: 10, maxInFlight: 0 }, 'maxInFlight'],
    ['a bad stage duration', { stages: [{ duration: 'soon', users: 5 }] }, 'stages[0].duration'],
    [
      'clientTimeout rate above 1',
      { clientTimeout: { rate: 1.5, timeout: '1s' } },
      'clientTimeout.rate',
    ],
    [
      'clientTimeout rate below 0',
      { clientTimeout: { rate: -0.1, timeout: '1s' } },
      'clientTimeout.rate',
    ],
    [
      'clientTimeout without timeout',
      { clientTimeout: { rate: 0.1 } as never },
      'clientTimeout.timeout',
    ],
    [
      'clientTimeout with a bad timeout',
      { clientTimeout: { rate: 0.1, timeout: 'later' } },
      'clientTimeout.timeout',
    ],
    ['autocannon with think time', { engine: 'autocannon', thinkTime: '1s' }, 'engine'],
    [
      'autocannon with clientTimeout',
      { engine: 'autocannon', clientTimeout: { rate: 0.1, timeout: '1s' } },
      'engine',
    ],
  ];
  test.each(cases)('%s', (_label, options, field) => {
    expect(rejection(options)).toEqual({ code: 'ERR_STRESS_INVALID_OPTION', field });
  });

  test('an unknown stage key suggests the right one', () => {
    expect(() =>
      validateLoadOptions({ target, stages: [{ duration: '1s', user: 5 } as never] }),
    ).toThrow(/did you mean "users"/);
  });
});

describe('good workload options', () => {
  test('stages resolve to ms with ramps', () => {
    const o = validateLoadOptions({
      target,
      stages: [
        { name: 'warm', duration: '1m', users: 5 },
        { name: 'spike', duration: '30s', users: 100, ramp: '10s' },
        { duration: '1m', users: 10, ramp: true },
      ],
    });
    expect(o.model).toBe('closed');
    expect(o.stages).toEqual([
      { name: 'warm', durationMs: 60_000, rampMs: 0, users: 5 },
      { name: 'spike', durationMs: 30_000, rampMs: 10_000, users: 100 },
      { name: 'stage-3', durationMs: 60_000, rampMs: 60_000, users: 10 },
    ]);
  });
  test('clientTimeout resolves to ms', () => {
    expect(
      validateLoadOptions({ target, clientTimeout: { rate: 0.1, timeout: '1s' } }).clientTimeout,
    ).toEqual({ rate: 0.1, timeoutMs: 1000 });
  });
});

describe('selectDriver', () => {
  const pick = (options: Partial<LoadOptions>) =>
    selectDriver(validateLoadOptions({ target, ...options } as LoadOptions));
  test('plain closed runs go to autocannon', () =>
    expect(pick({ users: 5 })).toBe(autocannonDriver));
  test('rate and rate stages go to the open driver', () => {
    expect(pick({ rate: 100 })).toBe(openDriver);
    expect(pick({ stages: [{ duration: '1s', rate: 10 }] })).toBe(openDriver);
  });
  test('think time, user stages, clientTimeout and engine undici go to the VU driver', () => {
    expect(pick({ thinkTime: '1s' })).toBe(vuDriver);
    expect(pick({ stages: [{ duration: '1s', users: 2 }] })).toBe(vuDriver);
    expect(pick({ clientTimeout: { rate: 0.5, timeout: '1s' } })).toBe(vuDriver);
    expect(pick({ engine: 'undici' })).toBe(vuDriver);
  });
});
