import { randomInt } from 'node:crypto';
import { InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from '../options/closest-name.js';
import { parseTarget } from '../options/target.js';
import { resolveTls, type ResolvedTls, type TlsOptions } from '../options/tls.js';
import { parseFaults, type FaultOptions, type ResolvedFault } from './fault-options.js';

/** Options of chaosProxy(). */
export interface ChaosProxyOptions {
  /** Base URL requests are forwarded to; loopback only unless allowRemote. */
  target: string;
  /** Fault entries; at most one fault is applied per request, picked by rate. Default none. */
  faults?: FaultOptions[];
  /** Seed of the fault picks and jitter; default random (see proxy.seed). */
  seed?: number;
  /** Header that carries the request id, default 'x-request-id' (as load() sends it). */
  requestIdHeader?: string;
  /** Allow a non-loopback target. */
  allowRemote?: boolean;
  /** An https: target: certificates to trust and whether to verify (default: verify), as in load(). */
  tls?: TlsOptions;
}

export interface ResolvedProxyOptions {
  target: URL;
  faults: ResolvedFault[];
  seed: number;
  requestIdHeader: string;
  /** Set for an https: target. */
  tls?: ResolvedTls;
}

const KEYS = ['target', 'faults', 'seed', 'requestIdHeader', 'allowRemote', 'tls'] as const;
const HEADER_NAME_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Validate chaosProxy() options; throws coded option errors naming the field. */
export function resolveProxyOptions(options: ChaosProxyOptions): ResolvedProxyOptions {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError('options', options, 'an object { target, faults, seed }');
  rejectUnknownKeys(options, KEYS, 'chaosProxy options');
  const target = parseTarget(options.target, options.allowRemote === true);
  // Each request brings its own query string; one on the target would be silently dropped.
  if (target.search !== '')
    throw new InvalidOptionError(
      'target',
      options.target,
      'a base URL without a query string (each request forwards its own)',
    );
  const tls = resolveTls(options.tls, target);
  const seed = options.seed ?? randomInt(2 ** 31);
  if (typeof seed !== 'number' || !Number.isInteger(seed))
    throw new InvalidOptionError('seed', seed, 'an integer');
  const header = options.requestIdHeader ?? 'x-request-id';
  if (typeof header !== 'string' || !HEADER_NAME_RE.test(header))
    throw new InvalidOptionError('requestIdHeader', header, 'a valid HTTP header name');
  return {
    target,
    faults: parseFaults(options.faults),
    seed,
    requestIdHeader: header.toLowerCase(),
    tls,
  };
}
