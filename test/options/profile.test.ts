import { describe, expect, test } from 'vitest';
import {
  activeProfileName,
  profileDuration,
  profileScale,
  scaleStages,
} from '../../src/options/profile.js';

describe('profiles', () => {
  test('STRESS_PROFILE picks the profile; quick by default; a bad one is a coded error', () => {
    expect(activeProfileName({})).toBe('quick');
    expect(activeProfileName({ STRESS_PROFILE: 'smoke' })).toBe('smoke');
    expect(() => activeProfileName({ STRESS_PROFILE: 'fast' })).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_INVALID_OPTION', field: 'STRESS_PROFILE' }),
    );
  });

  test.each([
    ['5m', 'smoke', 5_000],
    ['30m', 'smoke', 10_000],
    ['10m', 'smoke', 10_000],
    ['3s', 'smoke', 3_000],
    ['5m', 'quick', 30_000],
    ['10m', 'quick', 60_000],
    ['30m', 'quick', 60_000],
    ['20s', 'quick', 20_000],
    ['2m', 'quick', 30_000],
    ['5m', 'full', 300_000],
    ['30m', 'full', 1_800_000],
  ] as const)('profileDuration(%s) under %s = %d ms', (written, profile, ms) => {
    expect(profileDuration(written, profile)).toBe(ms);
  });

  test('scaleStages keeps the plan shape and the levels; the total lands in the window', () => {
    const written = [
      { name: 'warm', duration: '2m', users: 5 },
      { name: 'spike', duration: '1m', users: 100, ramp: '30s' },
      { name: 'cool', duration: '2m', users: 10, ramp: true },
    ];
    const quick = scaleStages(written, 'quick');
    expect(quick.map((s) => s.duration)).toEqual([12_000, 6_000, 12_000]);
    expect(quick[1].ramp).toBe(3_000);
    expect(quick[2].ramp).toBe(true);
    expect(quick.map((s) => s.users)).toEqual([5, 100, 10]);
    expect(scaleStages(written, 'smoke').map((s) => s.duration)).toEqual([2_000, 1_000, 2_000]);
    expect(scaleStages(written, 'full').map((s) => s.duration)).toEqual([120_000, 60_000, 120_000]);
  });

  test('a stage never shrinks below 1 s', () => {
    const stages = scaleStages(
      [
        { duration: '30m', rate: 10 },
        { duration: '2s', rate: 100 },
      ],
      'smoke',
    );
    expect(stages[1].duration).toBe(1000);
  });

  test('profileScale is 1 for full and never above 1', () => {
    expect(profileScale(600_000, 'full')).toBe(1);
    expect(profileScale(1_000, 'quick')).toBe(1);
  });
});
