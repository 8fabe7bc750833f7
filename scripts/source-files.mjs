// The tracked source files (.ts/.mts/.cts/.js/.mjs/.cjs) the lint scripts read, with their text.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** [path, text] of every tracked source file (under `roots`, or the whole tree), as it is now. */
export function sourceFiles(roots = []) {
  const paths = execFileSync('git', ['ls-files', '-z', '--', ...roots], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => SOURCE.test(file));
  const files = [];
  for (const path of paths) {
    try {
      files.push([path, readFileSync(path, 'utf8')]);
    } catch {
      // deleted in the work tree, not yet in the index
    }
  }
  return files;
}
