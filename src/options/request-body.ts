import { InvalidOptionError } from '../errors.js';

/**
 * Check a request body option: an object (sent as JSON), a string, or a function returning one,
 * and none with GET or HEAD. Shared by load() scenarios and journey steps.
 */
export function validateBody(
  field: string,
  method: string,
  body: unknown,
): asserts body is string | object | undefined {
  if (
    body !== undefined &&
    typeof body !== 'string' &&
    typeof body !== 'function' &&
    (typeof body !== 'object' || body === null)
  ) {
    throw new InvalidOptionError(
      field,
      body,
      'an object (sent as JSON), a string, or a function returning one',
    );
  }
  if (body !== undefined && (method === 'GET' || method === 'HEAD'))
    throw new InvalidOptionError(field, '[body]', `no body with ${method}`);
}
