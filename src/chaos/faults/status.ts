import { InvalidOptionError } from '../../errors.js';
import { defineFault } from './fault.js';
import { expectNumber } from './parse-number.js';

/** Answer with `code` instead of forwarding (a 500, a 503 with Retry-After, a 429, ...). */
export interface StatusParams {
  /** HTTP status, 200..599 (204 and 304 are sent without a body, as HTTP requires). */
  code: number;
  /** Response body; default `{"error":"injected <code>"}`. */
  body: string;
  /** Extra response headers, e.g. { 'retry-after': '1' }. */
  headers: Record<string, string>;
}

/** Statuses that never carry a body (RFC 9110 §15.3.5, §15.4.5): no body, no Content-Length. */
const BODILESS = new Set([204, 304]);

export const status = defineFault<StatusParams>({
  type: 'status',
  keys: ['code', 'body', 'headers'],
  parse(raw, field) {
    const code = expectNumber(raw.code, `${field}.code`, { integer: true });
    // A 1xx is not a final answer: the client would keep waiting for one that never comes.
    if (code < 200 || code > 599)
      throw new InvalidOptionError(
        `${field}.code`,
        code,
        'an HTTP status 200..599 (1xx is informational, not an answer)',
      );
    if (raw.body !== undefined && typeof raw.body !== 'string')
      throw new InvalidOptionError(`${field}.body`, raw.body, 'a string');
    const headers: Record<string, string> = {};
    if (raw.headers !== undefined) {
      if (typeof raw.headers !== 'object' || raw.headers === null || Array.isArray(raw.headers)) {
        throw new InvalidOptionError(
          `${field}.headers`,
          raw.headers,
          'an object of header names to strings',
        );
      }
      for (const [name, value] of Object.entries(raw.headers)) {
        if (typeof value !== 'string' && typeof value !== 'number')
          throw new InvalidOptionError(`${field}.headers.${name}`, value, 'a string');
        headers[name.toLowerCase()] = String(value);
      }
    }
    return {
      code,
      body: (raw.body as string | undefined) ?? JSON.stringify({ error: `injected ${code}` }),
      headers,
    };
  },
  describe: ({ code, headers }) =>
    `status ${code}${headers['retry-after'] !== undefined ? ` (Retry-After: ${headers['retry-after']})` : ''}`,
  async apply({ code, body, headers }, exchange) {
    if (BODILESS.has(code)) exchange.answer(code, headers, undefined);
    else exchange.answer(code, { 'content-type': 'application/json', ...headers }, body);
  },
});
