import { InvalidOptionError } from '../errors.js';
import { expectPlainObject } from './option-checks.js';

/** An HTTP field name (RFC 9110 token). */
export const HEADER_NAME_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What HTTP allows in a field value (RFC 9110: VCHAR, obs-text, SP, HTAB). */
const HEADER_VALUE_RE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Check request headers: valid names, Latin-1 values without CR/LF/NUL; names lower-cased. */
export function expectHeaders(value: unknown, field: string): Record<string, string> {
  if (value === undefined) return {};
  const headers = expectPlainObject(value, field, 'an object of header names to string values');
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(headers)) {
    if (!HEADER_NAME_RE.test(name))
      throw new InvalidOptionError(`${field}.${name}`, name, 'a valid HTTP header name');
    if (typeof v !== 'string' && typeof v !== 'number')
      throw new InvalidOptionError(`${field}.${name}`, v, 'a string');
    // CR, LF or NUL would end the header early and smuggle others into the raw request bytes.
    if (/[\r\n\0]/.test(String(v)))
      throw new InvalidOptionError(
        `${field}.${name}`,
        v,
        'a header value without CR, LF or NUL characters',
      );
    // Header bytes are Latin-1: undici refuses anything else per request, autocannon would send raw UTF-8.
    if (!HEADER_VALUE_RE.test(String(v))) {
      throw new InvalidOptionError(
        `${field}.${name}`,
        v,
        'a header value of Latin-1 characters (tab, U+0020..U+007E, U+0080..U+00FF); encode other text first',
      );
    }
    out[name.toLowerCase()] = String(v);
  }
  return out;
}
