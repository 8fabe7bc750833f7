import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

// RFC 9110 §7.6.1: these describe one connection, not the message, so a proxy must not pass them on.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

// Dropped from requests besides the hop-by-hop ones: the proxy sends its own Host, and Node's
// server has already answered a client's `Expect: 100-continue`, so the body comes anyway.
const REQUEST_ONLY = new Set(['host', 'expect']);

/** Header names a Connection header value lists (lower case); undefined when it lists none to drop. */
function connectionNamed(value: string | string[] | undefined): Set<string> | undefined {
  // The usual value names only a header that is hop-by-hop anyway: skip the split per request.
  if (value === undefined || value === 'keep-alive') return undefined;
  return new Set(
    String(value)
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The end-to-end headers of a message: hop-by-hop ones and those the Connection header names removed. */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = connectionNamed(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || named?.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/**
 * A request's end-to-end headers as a flat [name, value, ...] list for the upstream, from
 * `rawHeaders` (names keep their case and order, repeats stay separate), with `host` as Host.
 */
export function endToEndRawHeaders(rawHeaders: readonly string[], host: string): string[] {
  let named: Set<string> | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === 'connection') {
      const more = connectionNamed(rawHeaders[i + 1]);
      if (more) named = new Set([...(named ?? []), ...more]);
    }
  }
  const out = ['host', host];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || REQUEST_ONLY.has(name) || named?.has(name)) continue;
    out.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  return out;
}
