import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The absolute path of an executable named `name` on PATH (Debian's `prometheus` package puts
 * `prometheus` and `promtool` in /usr/bin), or undefined when there is none.
 */
export function findBinary(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Why a test that needs `name` cannot run, or undefined when the binary is there. */
export function missingBinaryReason(name: string): string | undefined {
  if (findBinary(name)) return undefined;
  return (
    `${name} is not on PATH: install it with \`apt-get install -y prometheus\` (Debian ships ` +
    'prometheus and promtool)'
  );
}
