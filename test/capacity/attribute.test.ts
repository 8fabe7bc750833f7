import { describe, expect, test } from 'vitest';
import { attribute } from '../../src/capacity/attribute.js';
import type { LevelSummary } from '../../src/capacity/capacity-types.js';
import type { ResourceReading } from '../../src/capacity/resource-readings.js';

function level(n: number, resources: ResourceReading[], generatorWarnings: string[] = []) {
  return { level: n, state: 'pass', resources, generatorWarnings } as unknown as LevelSummary;
}
const reading = (resource: string, saturated: boolean, limit: number | null = 1) => ({
  resource,
  value: 1,
  limit,
  saturated,
  text: `${resource} figure`,
});

describe('attribute', () => {
  test('causes before symptoms: the SHAP queue before event-loop lag, each since its first level', () => {
    const lag = reading('backend event-loop lag', true, 0.1);
    const queue = reading('ai-core queue ai_core_queued_records', true, null);
    const levels = [
      level(10, [lag, reading('ai-core queue ai_core_queued_records', false, null)]),
      level(40, [lag, queue, reading('refusals 503/429', true, 0)]),
    ];
    const a = attribute(levels, 40, false);
    expect(a.limitedBy.map((r) => [r.resource, r.sinceLevel])).toEqual([
      ['refusals 503/429', 40],
      ['ai-core queue ai_core_queued_records', 40],
      ['backend event-loop lag', 10],
    ]);
    expect(a.text.split('; ')).toEqual([
      'refusals 503/429 figure (saturated from 40)',
      'ai-core queue ai_core_queued_records figure (saturated from 40)',
      'backend event-loop lag figure (saturated from 10)',
    ]);
  });

  test('a lagging generator comes first, from the level it lagged', () => {
    const levels = [
      level(10, []),
      level(20, [], ["load generator's event loop lagged (p99 60 ms, max 400 ms): sends ..."]),
      level(30, [reading('CPU', true, 2)]),
    ];
    const a = attribute(levels, 30, true);
    expect(a.limitedBy[0]).toEqual({
      resource: 'load generator',
      sinceLevel: 20,
      text: "load generator's event loop lagged (p99 60 ms, max 400 ms) from 20",
    });
    expect(a.text).toMatch(
      /^the load generator saturated first .*; the target: CPU figure \(saturated from 30\)$/,
    );
  });

  test('no metrics at the failing level and a lagging generator: why first, then the generator', () => {
    const failing = {
      ...level(2, [], ["load generator's event loop lagged (p99 68 ms, max 68 ms): sends ..."]),
      resources: undefined,
      metricsError: 'no /metrics samples',
    } as LevelSummary;
    const a = attribute([level(1, []), failing], 2, true);
    expect(a.possible).toBe(false);
    expect(a.text).toBe(
      'attribution not possible: no /metrics samples; the load generator saturated first ' +
        "(load generator's event loop lagged (p99 68 ms, max 68 ms) from 2): the capacity found " +
        'is a lower bound set by the generator, not by the target',
    );
  });

  test('a level the target rejected (4xx other than 408/429) blames the request, not a resource', () => {
    const queue = reading('queue audit_queue_depth', true, null);
    const rejected = { ...level(10, [queue]), statusCodes: { '405': 970, '200': 30 } };
    const a = attribute([rejected as LevelSummary], 10, false);
    expect(a.possible).toBe(false);
    expect(a.limitedBy).toEqual([]);
    expect(a.text).toBe(
      'the target rejected the requests (HTTP 405; 97% of the answers at level 10 were 4xx): ' +
        "check the method, path, headers and body — a request problem, not the target's capacity",
    );
  });

  test('back-pressure (429, 408) and a minority of 4xx still attribute to the resources', () => {
    const queue = reading('queue audit_queue_depth', true, null);
    const mixes: Array<Record<string, number>> = [
      { '429': 900, '408': 50, '200': 50 },
      { '404': 400, '503': 600 },
    ];
    for (const statusCodes of mixes) {
      const a = attribute([{ ...level(10, [queue]), statusCodes } as LevelSummary], 10, false);
      expect(a.limitedBy.map((r) => r.resource)).toEqual(['queue audit_queue_depth']);
    }
  });
});
