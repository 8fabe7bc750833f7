import { isIP } from 'node:net';
import { InvalidOptionError, RemoteTargetError } from '../errors.js';

/** True for 127.0.0.0/8, ::1, localhost and IPv4-mapped loopback. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const mapped = host.startsWith('::ffff:') ? host.slice(7) : host;
  return isIP(mapped) === 4 && mapped.startsWith('127.');
}

/**
 * Parse and check a target base URL. Non-loopback targets are refused unless
 * `allowRemote` is true or VITEST_STRESS_ALLOW_REMOTE=1.
 */
export function parseTarget(value: unknown, allowRemote: boolean, field = 'target'): URL {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidOptionError(
      field,
      value,
      "an http(s) base URL such as 'http://127.0.0.1:3000'",
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidOptionError(
      field,
      value,
      "an http(s) base URL such as 'http://127.0.0.1:3000'",
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionError(field, value, 'an http: or https: URL');
  }
  const remoteAllowed = allowRemote || process.env.VITEST_STRESS_ALLOW_REMOTE === '1';
  if (!remoteAllowed && !isLoopbackHost(url.hostname)) throw new RemoteTargetError(value);
  return url;
}
