import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Jenkins xUnit's JUnit schema (MIT), kept in the test fixtures. */
export const JUNIT_10_XSD = resolve(import.meta.dirname, '../fixtures/junit/junit-10.xsd');

/**
 * Run xmllint (Debian libxml2-utils) on `file`: well-formedness only, or validation against
 * `schema`. Resolves with the exit code and stderr; never skips when xmllint is missing.
 */
export async function xmllint(
  file: string,
  schema?: string,
): Promise<{ code: number; stderr: string }> {
  const args = schema ? ['--noout', '--schema', schema, file] : ['--noout', file];
  return run('xmllint', args).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number | string; stderr?: string }) => {
      if (e.code === 'ENOENT')
        throw new Error(
          'xmllint not found: install libxml2-utils (apt-get install -y libxml2-utils)',
        );
      return { code: Number(e.code), stderr: e.stderr ?? '' };
    },
  );
}
