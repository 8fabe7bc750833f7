import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { validateLoadOptions } from '../../src/options/validate-load.js';
import type { LoadOptions } from '../../src/options/load-options.js';
import { Recorder } from '../../src/recorder/recorder.js';
import { formatProgressLine } from '../../src/progress/progress-line.js';
import { startProgress, type ProgressOutput } from '../../src/progress/progress.js';

const target = 'http://127.0.0.1:3000';
const options = (o: Partial<LoadOptions>) => validateLoadOptions({ target, ...o } as LoadOptions);

function capture(isTTY: boolean): ProgressOutput & { text: string } {
  const out = { text: '', isTTY, write: (s: string) => (out.text += s) };
  return out;
}

describe('formatProgressLine', () => {
  test('elapsed/total, phase, users, rps, p95, errors', () => {
    const line = formatProgressLine({
      snapshot: {
        elapsedMs: 12_400,
        sent: 1000,
        finished: 800,
        failed: 3,
        inFlight: 5,
        users: 50,
        p95Ms: 41.234,
        phase: 'spike',
      },
      plannedMs: 30_000,
      rps: 812.4,
      model: 'closed',
      profile: 'quick',
    });
    expect(line).toBe(
      'stress [quick] 12s/30s spike · users 50 · 812 rps · p95 41.2 ms · errors 3 (0.4%)',
    );
  });
  test('open model shows the target rate; nothing yet shows dashes', () => {
    const line = formatProgressLine({
      snapshot: {
        elapsedMs: 0,
        sent: 0,
        finished: 0,
        failed: 0,
        inFlight: 0,
        users: 400,
        p95Ms: null,
        phase: undefined,
      },
      plannedMs: 10_000,
      rps: 0,
      model: 'open',
      profile: 'smoke',
    });
    expect(line).toBe('stress [smoke] 0s/10s · rate 400/s · 0 rps · p95 - · errors 0');
  });
});

describe('startProgress', () => {
  let now = 0;
  let recorder: Recorder;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    recorder = new Recorder({ idPrefix: 't-', now: () => now });
    recorder.setUsers(10);
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  test('TTY: one line rewritten in place every second, erased at the end', () => {
    const out = capture(true);
    const progress = startProgress(recorder, options({ users: 10, duration: '30s' }), 'quick', {
      output: out,
      env: {},
    });
    for (let i = 0; i < 3; i++) {
      recorder.end(recorder.begin('default'), { kind: 'response', status: 200 });
      advance(1000);
    }
    progress.stop();
    const writes = out.text.split('\r').filter(Boolean);
    expect(writes).toHaveLength(4);
    // The line ends with the ANSI erase-line sequence.
    expect(writes[0]).toMatch(
      // eslint-disable-next-line no-control-regex -- see above
      /^stress \[quick\] 1s\/30s · users 10 · 1 rps · p95 [\d.]+ ms · errors 0 \(0%\)\x1b\[K$/,
    );
    expect(writes[3]).toBe('\x1b[K');
    expect(out.text).not.toContain('\n');
  });

  test('no TTY (CI): a plain line every 10 s', () => {
    const out = capture(false);
    const progress = startProgress(recorder, options({ users: 10, duration: '1m' }), 'full', {
      output: out,
      env: {},
    });
    for (let i = 0; i < 25; i++) advance(1000);
    progress.stop();
    expect(
      out.text
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, 24)),
    ).toEqual(['stress [full] 10s/60s · ', 'stress [full] 20s/60s · ']);
  });

  test('off with VITEST_STRESS_PROGRESS=0, progress: false, or a run planned under 5 s', () => {
    for (const [o, env] of [
      [{ duration: '30s' }, { VITEST_STRESS_PROGRESS: '0' }],
      [{ duration: '30s', progress: false }, {}],
      [{ duration: '4s' }, {}],
      [{ requests: 100 }, {}],
    ] as const) {
      const out = capture(true);
      const progress = startProgress(recorder, options(o), 'quick', { output: out, env });
      advance(3000);
      progress.stop();
      expect(out.text).toBe('');
    }
  });

  test('progress: true shows it for a short run; stages count towards the planned length', () => {
    const out = capture(true);
    const progress = startProgress(
      recorder,
      options({
        stages: [
          { duration: '2s', rate: 10 },
          { duration: '1s', rate: 20 },
        ],
        progress: true,
      }),
      'quick',
      { output: out, env: {} },
    );
    advance(1000);
    progress.stop();
    expect(out.text).toContain('1s/3s · rate 10/s');
  });
});
