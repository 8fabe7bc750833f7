const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// undici's (and Node's) rule for a header value: tab, printable ASCII and latin-1 only.
const BAD_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
// undici's rule for a request path: no spaces, controls or characters past latin-1.
const BAD_PATH_CHAR = /[^\u0021-\u00ff]/;
const REFUSED = new Set(['transfer-encoding', 'keep-alive', 'upgrade', 'expect']);

/**
 * Why undici would refuse a step request's headers, or undefined when it would take them. Checked
 * before dispatch because a request undici refuses while dispatching leaves the pool's connection
 * marked busy for good (undici 7.30: `dispatch()` returns false and the client never drains), so
 * one bad header value from a step function would make every later step on it time out.
 * Header names are lower case (the step's request is built that way).
 */
export function headerProblem(headers: Readonly<Record<string, unknown>>): string | undefined {
  for (const name in headers) {
    const value = headers[name];
    if (!TOKEN.test(name)) return `invalid header name ${JSON.stringify(name)}`;
    if (typeof value !== 'string' || BAD_VALUE_CHAR.test(value))
      return `invalid ${name} header: a value with line breaks or characters outside latin-1`;
    if (REFUSED.has(name)) return `the ${name} header cannot be set on a step`;
    if (name === 'content-length' && !/^\d+$/.test(value)) return 'invalid content-length header';
    if (name === 'connection' && !value.split(',').every((t) => TOKEN.test(t.trim())))
      return 'invalid connection header';
  }
  return undefined;
}

/** Why undici would refuse a step's path (see headerProblem for why it is checked first). */
export function pathProblem(path: string): string | undefined {
  if (BAD_PATH_CHAR.test(path))
    return `invalid path ${JSON.stringify(path)}: spaces or characters outside latin-1 (encode them)`;
  return undefined;
}
