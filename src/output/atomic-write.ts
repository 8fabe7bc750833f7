import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { WriteFailedError } from '../errors.js';

/**
 * Write `data` to `path` whole or not at all: write a temp file in the same directory, then
 * rename it over the target (atomic on one filesystem). On failure the temp file is removed,
 * any previous file at `path` is left as it was, and ERR_STRESS_WRITE_FAILED is thrown.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, data, { flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new WriteFailedError(path, error);
  }
}

/** writeFileAtomic for synchronous callers (matchers): same temp-then-rename guarantee. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, data, { flush: true });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new WriteFailedError(path, error);
  }
}
