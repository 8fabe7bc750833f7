import { describe, expect, test } from 'vitest';
import { resolveJourneys } from '../../src/journeys/validate-journeys.js';
import { journeyDriverFor } from '../../src/journeys/journey-options.js';

const step = { name: 's', path: '/' };

describe('resolveJourneys', () => {
  test('applies defaults', () => {
    const [journey] = resolveJourneys([{ name: 'j', steps: [step] }]);
    expect(journey).toMatchObject({ name: 'j', weight: 1, keepVars: false, cookies: true });
    expect(journey.steps[0]).toMatchObject({ name: 's', method: 'GET', path: '/', thinkTimeMs: 0 });
  });

  test.each([
    [[], 'journeys'],
    [[{ name: '', steps: [step] }], 'journeys[0].name'],
    [[{ name: 'j', steps: [] }], 'journeys[0].steps'],
    [[{ name: 'j', weight: 0, steps: [step] }], 'journeys[0].weight'],
    [[{ name: 'j', feeder: {}, steps: [step] }], 'journeys[0].feeder'],
    [[{ name: 'j', steps: [{ name: 's', path: 'x' }] }], 'journeys[0].steps[0].path'],
    [[{ name: 'j', steps: [{ ...step, method: 'FETCH' }] }], 'journeys[0].steps[0].method'],
    [[{ name: 'j', steps: [{ ...step, body: {} }] }], 'journeys[0].steps[0].body'],
    [[{ name: 'j', steps: [step, step] }], 'journeys[0].steps[1].name'],
    [
      [{ name: 'j', steps: [{ ...step, capture: { t: { xpath: '/a' } } }] }],
      'journeys[0].steps[0].capture.t',
    ],
    [
      [{ name: 'j', steps: [{ ...step, check: { status: 99 } }] }],
      'journeys[0].steps[0].check.status',
    ],
    [
      [{ name: 'j', steps: [{ ...step, check: { body: 'x' } }] }],
      'journeys[0].steps[0].check.body',
    ],
    [[{ name: 'j', steps: [{ ...step, thinkTime: 'soon' }] }], 'journeys[0].steps[0].thinkTime'],
    [
      [
        { name: 'j', steps: [step] },
        { name: 'j', steps: [step] },
      ],
      'journeys[1].name',
    ],
  ])('%j is refused naming %s', (value, field) => {
    expect(() => resolveJourneys(value)).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field }),
    );
  });

  test('an unknown key is refused with the closest name', () => {
    expect(() => resolveJourneys([{ name: 'j', steps: [{ ...step, captur: {} }] }])).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_UNKNOWN_OPTION', suggestion: 'capture' }),
    );
  });

  test('journeys exclude scenarios, requests and the autocannon engine', () => {
    const journeys = [{ name: 'j', steps: [step] }];
    const base = { target: 'http://127.0.0.1:1', journeys };
    for (const [key, value] of [
      ['scenarios', [{ name: 'a' }]],
      ['requests', 10],
      ['engine', 'autocannon'],
    ] as const) {
      expect(() => journeyDriverFor({ ...base, [key]: value })).toThrow(
        expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: key }),
      );
    }
    expect(journeyDriverFor({ target: 'http://127.0.0.1:1' })).toBeUndefined();
  });
});
