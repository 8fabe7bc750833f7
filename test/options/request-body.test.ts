import { describe, expect, test } from 'vitest';
import { validateBody } from '../../src/options/request-body.js';

describe('validateBody: one check for load() scenario bodies and journey step bodies', () => {
  test.each([
    ['a number', 'POST', 42],
    ['null', 'POST', null],
    ['a boolean', 'PUT', true],
  ])('%s is refused, naming the field', (_, method, body) => {
    expect(() => validateBody('scenarios[0].body', method, body)).toThrow(
      expect.objectContaining({
        code: 'ERR_STRESS_INVALID_OPTION',
        field: 'scenarios[0].body',
        message: expect.stringMatching(/a string, or a function returning one/),
      }),
    );
  });

  test.each(['GET', 'HEAD'])('a body with %s is refused', (method) => {
    expect(() => validateBody('steps[1].body', method, 'x')).toThrow(
      expect.objectContaining({
        field: 'steps[1].body',
        message: expect.stringMatching(`no body with ${method}`),
      }),
    );
  });

  test.each([
    ['a string', 'POST', 'text'],
    ['an object', 'PUT', { a: 1 }],
    ['a function', 'PATCH', () => 'x'],
    ['no body', 'GET', undefined],
  ])('%s passes', (_, method, body) => {
    expect(() => validateBody('body', method, body)).not.toThrow();
  });
});
