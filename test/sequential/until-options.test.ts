import { describe, expect, test } from 'vitest';
import { resolveUntil } from '../../src/sequential/until-options.js';

describe('resolveUntil', () => {
  test('reads the SLAs, the confidence and the minimum duration', () => {
    const until = resolveUntil(
      { p95Below: 2000, errorRateBelow: 0.01, confidence: 0.9, minDuration: '3s' },
      60_000,
    );
    expect(until.slas).toEqual([
      { metric: 'p95', threshold: 2000, percentile: 95 },
      { metric: 'errorRate', threshold: 0.01 },
    ]);
    expect(until.alpha).toBeCloseTo(0.1, 12);
    expect(until.minDurationMs).toBe(3000);
  });

  test('the minimum duration defaults to 5 s and never exceeds the run', () => {
    expect(resolveUntil({ p99Below: 50 }, 60_000).minDurationMs).toBe(5000);
    expect(resolveUntil({ p99Below: 50 }, 2000).minDurationMs).toBe(2000);
  });

  test.each([
    [{}, 60_000, /"until".*at least one of p50Below/],
    [{ p95Below: -1 }, 60_000, /"until.p95Below".*a number of ms > 0/],
    [{ errorRateBelow: 2 }, 60_000, /"until.errorRateBelow".*a fraction in \(0, 1\]/],
    [{ p95Below: 10, confidence: 1 }, 60_000, /"until.confidence"/],
    [{ p95Below: 10, p96Below: 3 }, 60_000, /unknown option "until.p96Below"/],
    [{ p95Below: 10 }, undefined, /a run with `duration`/],
    ['p95<10', 60_000, /"until"/],
  ])('refuses %j with a coded error naming the field', (value, maxMs, message) => {
    expect(() => resolveUntil(value, maxMs)).toThrow(message);
    try {
      resolveUntil(value, maxMs);
    } catch (error) {
      expect((error as { code: string }).code).toMatch(/^ERR_STRESS_(INVALID|UNKNOWN)_OPTION$/);
    }
  });
});
