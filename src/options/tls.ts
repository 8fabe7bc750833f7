import { X509Certificate } from 'node:crypto';
import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from './closest-name.js';

/** TLS to an https: target, the same on every engine and for the chaos proxy's upstream. */
export interface TlsOptions {
  /** Certificate(s) to trust (PEM), e.g. the self-signed certificate of a local test server. */
  ca?: string | Buffer | (string | Buffer)[];
  /** Verify the target's certificate (default true). false accepts any certificate: say why where you write it. */
  rejectUnauthorized?: boolean;
}

/** Validated TLS options, as Node's `tls.connect` and undici's `connect` take them. */
export interface ResolvedTls {
  ca?: (string | Buffer)[];
  rejectUnauthorized: boolean;
}

const TLS_KEYS = ['ca', 'rejectUnauthorized'] as const;
const CA_RULE = 'a PEM certificate (string or Buffer) or an array of them';

/**
 * Check the `tls` option against the target's protocol. Without it an https: target is verified
 * against Node's default CAs; with it against `ca` (when given). Refused for an http: target,
 * where it would do nothing.
 */
export function resolveTls(value: unknown, target: URL, field = 'tls'): ResolvedTls | undefined {
  if (value === undefined)
    return target.protocol === 'https:' ? { rejectUnauthorized: true } : undefined;
  if (target.protocol !== 'https:')
    throw new InvalidOptionError(
      field,
      '[tls options]',
      'nothing for an http: target (tls applies to https: only)',
    );
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidOptionError(field, value, 'an object { ca, rejectUnauthorized }');
  const tls = value as Record<string, unknown>;
  rejectUnknownKeys(tls, TLS_KEYS, field);
  const rejectUnauthorized = tls.rejectUnauthorized ?? true;
  if (typeof rejectUnauthorized !== 'boolean')
    throw new InvalidOptionError(
      `${field}.rejectUnauthorized`,
      rejectUnauthorized,
      'true or false',
    );
  if (tls.ca === undefined) return { rejectUnauthorized };
  const list = Array.isArray(tls.ca) ? tls.ca : [tls.ca];
  if (list.length === 0) throw new InvalidOptionError(`${field}.ca`, tls.ca, CA_RULE);
  list.forEach((ca, i) =>
    expectCertificate(ca, Array.isArray(tls.ca) ? `${field}.ca[${i}]` : `${field}.ca`),
  );
  return { ca: list as (string | Buffer)[], rejectUnauthorized };
}

function expectCertificate(ca: unknown, field: string): void {
  if (typeof ca !== 'string' && !Buffer.isBuffer(ca))
    throw new InvalidOptionError(field, ca, CA_RULE);
  try {
    new X509Certificate(ca);
  } catch {
    throw new InvalidOptionError(
      field,
      typeof ca === 'string' ? `${ca.slice(0, 40)}…` : '[a Buffer]',
      `${CA_RULE} that parses as X.509`,
    );
  }
}
