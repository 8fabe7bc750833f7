import { MissingPeerError } from '../errors.js';

/**
 * Load an optional peer dependency the first time a feature needs it. `load` is the feature's
 * own `() => import('pkg')` (so bundlers and tsc see the literal specifier); a missing package
 * becomes a MissingPeerError (ERR_STRESS_MISSING_PEER) naming it, any other failure is rethrown.
 */
export async function importPeer<T>(
  packageName: string,
  feature: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    if (missing && String((error as Error).message).includes(`'${packageName}'`))
      throw new MissingPeerError(packageName, feature, error);
    throw error;
  }
}
