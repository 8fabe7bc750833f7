import { describe, expect, test } from 'vitest';
import { retryAfterOf } from '../../src/engine/autocannon-driver.js';

describe('Retry-After from raw headers (autocannon driver)', () => {
  test("gives what autocannon's header object gave onResponse", () => {
    expect(retryAfterOf([])).toBeUndefined();
    expect(retryAfterOf(['content-type', 'text/plain'])).toBeUndefined();
    expect(retryAfterOf(['retry-after', '3'])).toBe('3');
    expect(retryAfterOf(['Retry-After', '4'])).toBe('4');
    // retry-after first, then Retry-After; of repeats the first non-empty value.
    expect(retryAfterOf(['Retry-After', '4', 'retry-after', '5'])).toBe('5');
    expect(retryAfterOf(['retry-after', '1', 'retry-after', '2'])).toBe('1');
    expect(retryAfterOf(['retry-after', '', 'retry-after', '2'])).toBe('2');
    expect(retryAfterOf(['retry-after', ''])).toBe('');
    // Other spellings were not looked up.
    expect(retryAfterOf(['RETRY-AFTER', '9'])).toBeUndefined();
  });
});
