import { describe, expect, test } from 'vitest';
import { chaosProxy } from '../../src/chaos/index.js';
import { parseFaults } from '../../src/chaos/fault-options.js';

/** The thrown error, for checking its code and field. */
function thrown(fn: () => unknown): { code?: string; field?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; field?: string; message: string };
  }
  throw new Error('expected a throw');
}

describe('parseFaults', () => {
  test("the seed's mix is valid", () => {
    const faults = parseFaults([
      { type: 'timeout', rate: 0.1 },
      { type: 'reset', rate: 0.05 },
      { type: 'latency', rate: 0.15, ms: 5000 },
    ]);
    expect(faults.map((f) => [f.name, f.rate, f.description])).toEqual([
      ['timeout', 0.1, 'timeout (never answers)'],
      ['reset', 0.05, 'connection reset'],
      ['latency', 0.15, 'latency 5000 ms'],
    ]);
  });

  test('an unknown type names the field and suggests the closest type', () => {
    const error = thrown(() =>
      parseFaults([
        { type: 'timeout', rate: 0.1 },
        { type: 'latancy', rate: 0.1, ms: 5 },
      ]),
    );
    expect(error).toMatchObject({ code: 'ERR_STRESS_INVALID_OPTION', field: 'faults[1].type' });
    expect(error.message).toContain('did you mean "latency"?');
  });

  test('a rate outside 0..1 names the field', () => {
    expect(
      thrown(() =>
        parseFaults([
          { type: 'reset', rate: 0.1 },
          { type: 'timeout', rate: 1.5 },
        ]),
      ),
    ).toMatchObject({ code: 'ERR_STRESS_INVALID_OPTION', field: 'faults[1].rate' });
    expect(thrown(() => parseFaults([{ type: 'reset', rate: -0.1 }]))).toMatchObject({
      field: 'faults[0].rate',
    });
    expect(thrown(() => parseFaults([{ type: 'reset' }]))).toMatchObject({
      field: 'faults[0].rate',
    });
  });

  test('negative times and rates name the field', () => {
    expect(thrown(() => parseFaults([{ type: 'latency', rate: 0.1, ms: -5 }]))).toMatchObject({
      code: 'ERR_STRESS_INVALID_OPTION',
      field: 'faults[0].ms',
    });
    expect(
      thrown(() => parseFaults([{ type: 'latency', rate: 0.1, ms: 5, jitterMs: -1 }])),
    ).toMatchObject({ field: 'faults[0].jitterMs' });
    expect(
      thrown(() => parseFaults([{ type: 'slowBody', rate: 0.1, bytesPerSecond: 0 }])),
    ).toMatchObject({ field: 'faults[0].bytesPerSecond' });
    expect(thrown(() => parseFaults([{ type: 'status', rate: 0.1, code: 700 }]))).toMatchObject({
      field: 'faults[0].code',
    });
  });

  test('rates summing to more than 1 are refused: one fault at most per request', () => {
    const error = thrown(() =>
      parseFaults([
        { type: 'timeout', rate: 0.6 },
        { type: 'reset', rate: 0.5 },
      ]),
    );
    expect(error).toMatchObject({ code: 'ERR_STRESS_INVALID_OPTION', field: 'faults[].rate' });
    expect(() =>
      parseFaults([
        { type: 'timeout', rate: 0.7 },
        { type: 'reset', rate: 0.2 },
        { type: 'status', rate: 0.1, code: 500 },
      ]),
    ).not.toThrow();
  });

  test('a parameter of another fault is an unknown key with a suggestion', () => {
    const error = thrown(() => parseFaults([{ type: 'latency', rate: 0.1, ms: 5, jitter: 3 }]));
    expect(error).toMatchObject({ code: 'ERR_STRESS_UNKNOWN_OPTION', field: 'jitter' });
    expect(error.message).toContain('did you mean "jitterMs"?');
  });

  test('two entries of one type need distinct names', () => {
    expect(
      thrown(() =>
        parseFaults([
          { type: 'status', rate: 0.1, code: 500 },
          { type: 'status', rate: 0.1, code: 503 },
        ]),
      ),
    ).toMatchObject({ field: 'faults[1].name' });
    expect(
      parseFaults([
        { type: 'status', rate: 0.1, code: 500, name: 'e500' },
        { type: 'status', rate: 0.1, code: 503, name: 'e503' },
      ]).map((f) => f.name),
    ).toEqual(['e500', 'e503']);
  });
});

describe('chaosProxy options', () => {
  test('bad faults reject before anything listens', async () => {
    await expect(
      chaosProxy({ target: 'http://127.0.0.1:1', faults: [{ type: 'reset', rate: 2 }] }),
    ).rejects.toMatchObject({ field: 'faults[0].rate' });
  });

  test('a remote target is refused unless allowed', async () => {
    await expect(chaosProxy({ target: 'http://example.com' })).rejects.toMatchObject({
      code: 'ERR_STRESS_REMOTE_TARGET',
    });
  });

  test('an unknown option suggests the closest one', async () => {
    await expect(
      chaosProxy({ target: 'http://127.0.0.1:1', fault: [] } as never),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_UNKNOWN_OPTION', suggestion: 'faults' });
  });
});
