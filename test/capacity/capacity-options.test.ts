import { describe, expect, test } from 'vitest';
import {
  resolveCapacityOptions,
  type CapacityOptions,
} from '../../src/capacity/capacity-options.js';

const base: CapacityOptions = {
  target: 'http://127.0.0.1:1',
  users: { from: 10, to: 100, step: 10 },
  sla: { p95: 500 },
};

describe('resolveCapacityOptions', () => {
  test('defaults', () => {
    const r = resolveCapacityOptions(base);
    expect(r).toMatchObject({
      model: 'closed',
      fromLevel: 10,
      toLevel: 100,
      stepLevel: 10,
      resolution: 1,
      confidence: 0.95,
      maxExtensions: 2,
      levelDurationMs: 5000,
      settleTimeoutMs: 10_000,
      settleQuietMs: 250,
    });
    expect(r.metrics).toEqual([
      expect.objectContaining({ url: 'http://127.0.0.1:1/metrics', intervalMs: 250 }),
    ]);
    expect(r.load).toEqual({ target: 'http://127.0.0.1:1' });
    expect(
      resolveCapacityOptions({ ...base, users: undefined, rate: { from: 100, to: 400 } }),
    ).toMatchObject({ model: 'open', stepLevel: 75, resolution: 5 });
  });

  test('settle: a duration is the drain timeout; an object sets timeout and quiet time', () => {
    expect(resolveCapacityOptions({ ...base, settle: '100ms' })).toMatchObject({
      settleTimeoutMs: 100,
      settleQuietMs: 100,
    });
    expect(resolveCapacityOptions({ ...base, settle: { timeout: '3s', quiet: 0 } })).toMatchObject({
      settleTimeoutMs: 3000,
      settleQuietMs: 0,
    });
  });

  test('metrics: a list of sources, each with its job', () => {
    const r = resolveCapacityOptions({
      ...base,
      metrics: [{ job: 'backend' }, { job: 'ai-core', url: 'http://127.0.0.1:2/metrics' }],
    });
    expect(r.metrics?.map((m) => [m.job, m.url])).toEqual([
      ['backend', 'http://127.0.0.1:1/metrics'],
      ['ai-core', 'http://127.0.0.1:2/metrics'],
    ]);
    expect(resolveCapacityOptions({ ...base, metrics: false }).metrics).toBeUndefined();
  });

  test.each([
    [{ users: undefined }, 'users'],
    [{ rate: { from: 1, to: 2 } }, 'rate'],
    [{ users: { from: 0, to: 10 } }, 'users.from'],
    [{ users: { from: 10, to: 5 } }, 'users.to'],
    [{ users: { from: 1.5, to: 5 } }, 'users.from'],
    [{ users: { from: 1, to: 5, step: -1 } }, 'users.step'],
    [{ sla: {} }, 'sla'],
    [{ sla: { p96: 10 } }, 'sla.p96'],
    [{ sla: { errorRate: 2 } }, 'sla.errorRate'],
    [{ sla: { p95: -1 } }, 'sla.p95'],
    [{ confidence: 1 }, 'confidence'],
    [{ maxExtensions: 9 }, 'maxExtensions'],
    [{ resolution: 0.5 }, 'resolution'],
    [{ duration: '5s' }, 'duration'],
    [{ levelDuration: 0 }, 'levelDuration'],
    [{ settle: -1 }, 'settle'],
    [{ settle: { timeout: 'soon' } }, 'settle.timeout'],
    [{ metrics: [] }, 'metrics'],
    [{ metrics: [{ job: '' }] }, 'metrics[0].job'],
    [{ metrics: 'yes' }, 'metrics'],
  ] as Array<[Partial<CapacityOptions> & Record<string, unknown>, string]>)(
    '%o names %s',
    (patch, field) => {
      expect(() => resolveCapacityOptions({ ...base, ...patch } as CapacityOptions)).toThrow(
        expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field }),
      );
    },
  );
});
