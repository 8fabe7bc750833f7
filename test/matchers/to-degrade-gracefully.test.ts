import { describe, expect, test } from 'vitest';
import { fakeRun } from '../helpers/fake-run.js';
import { fakeChaosRun, times, type FakeChaosRequest } from '../chaos/helpers/fake-faults.js';

// Failures that are all graceful: injected faults, a 503 with Retry-After, a 429.
const graceful: FakeChaosRequest[] = [
  ...times(90, { latencyMs: 20 }),
  ...times(4, { latencyMs: 1000, timeout: true, fault: 'timeout' }),
  ...times(2, { latencyMs: 2, error: 'read ECONNRESET', fault: 'reset' }),
  ...times(2, { latencyMs: 3, status: 500, fault: 'status' }),
  { latencyMs: 3, status: 503, retryAfter: '1' },
  { latencyMs: 3, status: 429 },
];
const run = fakeChaosRun(graceful);
const RULE =
  'every failure an injected fault, a 503 with Retry-After or a 429; nothing past its 1000 ms timeout';

describe('.toDegradeGracefully', () => {
  test('passes when every failure is injected, a 503 with Retry-After or a 429', () => {
    expect(run).toDegradeGracefully();
  });

  test('an unexpected 500 fails, naming an example', () => {
    const bad = fakeChaosRun([...graceful, { latencyMs: 3, status: 500 }]);
    expect(() => expect(bad).toDegradeGracefully()).toThrow(
      `expected the run to degrade gracefully (${RULE}), but 1 failure(s) not explained by ` +
        'an injected fault, a 503 with Retry-After or a 429, of which 1 unexpected 5xx (e.g. ' +
        'fake-101: 500) (n=101, 20 users, 30 s, 10.9% errors; failure breakdown: timeouts 4, ' +
        'network errors 2, slow responses 0, server errors 4, client errors 1; injected: ' +
        'timeout 4, reset 2, status 2; not explained by an injected fault: 3 (timeouts 0, ' +
        'network errors 0, status 429×1 500×1 503×1); join exact)',
    );
  });

  test('a 503 without Retry-After is unexpected', () => {
    const bad = fakeChaosRun([...graceful, { latencyMs: 3, status: 503 }]);
    expect(() => expect(bad).toDegradeGracefully()).toThrow(
      /but 1 failure\(s\) not explained .* of which 1 unexpected 5xx \(e\.g\. fake-101: 503\)/,
    );
  });

  test('a timeout or reset no fault explains is not graceful', () => {
    const bad = fakeChaosRun([
      ...graceful,
      { latencyMs: 1000, timeout: true },
      { latencyMs: 1, error: 'read ECONNRESET', unlogged: true },
    ]);
    expect(() => expect(bad).toDegradeGracefully()).toThrow(
      new RegExp(
        String.raw`but 2 failure\(s\) not explained .* of which 0 unexpected 5xx \(e\.g\. ` +
          String.raw`fake-10[12]: (request timed out|read ECONNRESET)\)`,
      ),
    );
  });

  test('a request that ends past its timeout + graceMs hangs', () => {
    const slow = fakeChaosRun([...graceful, { latencyMs: 1600 }]);
    expect(() => expect(slow).toDegradeGracefully()).toThrow(
      /but 1 request\(s\) ran past the 1000 ms timeout \(\+500 ms grace\), the longest 1600 ms/,
    );
    expect(slow).toDegradeGracefully({ graceMs: 700 });
  });

  test('without a fault log, every failure must be a 503 with Retry-After or a 429', () => {
    const refusing = fakeRun([
      { latencyMs: 5 },
      { latencyMs: 1, status: 503, retryAfter: '1' },
      { latencyMs: 1, status: 429 },
    ]);
    expect(refusing).toDegradeGracefully();
    const crashing = fakeRun([
      { latencyMs: 5 },
      { latencyMs: 1, status: 503, retryAfter: '1' },
      { latencyMs: 1, status: 500 },
      { latencyMs: 1, error: 'read ECONNRESET' },
    ]);
    expect(() => expect(crashing).toDegradeGracefully()).toThrow(
      new RegExp(
        String.raw`but 2 failure\(s\) not explained by an injected fault, a 503 with ` +
          String.raw`Retry-After or a 429, of which 1 unexpected 5xx \(e\.g\. fake-3: 500\)`,
      ),
    );
    expect(crashing).not.toDegradeGracefully();
  });

  test('zero finished requests never pass', () => {
    expect(() => expect(fakeChaosRun([])).toDegradeGracefully()).toThrow(
      /but no requests finished to judge \(0 sent;/,
    );
    expect(() => expect(fakeChaosRun([])).not.toDegradeGracefully()).toThrow(
      /no requests finished to judge/,
    );
  });

  test('a value that is not a run result, or a bad graceMs, fails the match', () => {
    expect(() => expect('run').toDegradeGracefully()).toThrow(
      'toDegradeGracefully: expected a vitest-stress run result (from load()), received the string "run"',
    );
    expect(() => expect(run).toDegradeGracefully({ graceMs: -1 })).toThrow(
      'toDegradeGracefully: graceMs must be a number of ms >= 0, received number -1',
    );
  });

  test('records its verdict in the test meta', ({ task }) => {
    expect(run).toDegradeGracefully();
    expect(task.meta.vitestStress?.verdicts).toMatchObject([
      {
        matcher: 'toDegradeGracefully',
        metric: 'ungraceful failures',
        unit: 'requests',
        threshold: 0,
        observed: 0,
        pass: true,
        negated: false,
      },
    ]);
  });
});

describe('.not.toDegradeGracefully', () => {
  test('passes when something failed ungracefully', () => {
    expect(fakeChaosRun([...graceful, { latencyMs: 3, status: 502 }])).not.toDegradeGracefully();
  });

  test('fails when the run degraded gracefully', () => {
    expect(() => expect(run).not.toDegradeGracefully()).toThrow(
      `expected the run not to degrade gracefully (${RULE}): it did (n=100,`,
    );
  });
});
