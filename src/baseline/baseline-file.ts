import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BaselineFileError } from '../errors.js';
import { writeFileAtomicSync } from '../output/atomic-write.js';
import type { BaselineEntry } from './baseline-entry.js';

export const BASELINE_KIND = 'vitest-stress/perf-baseline';
export const BASELINE_SCHEMA_VERSION = 1;

/** A baseline file: `__perf__/<spec file name>.json` beside the spec. */
export interface BaselineFile {
  kind: typeof BASELINE_KIND;
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  /** Sorted by test, then run, so diffs stay small. */
  entries: BaselineEntry[];
}

/** Where the baselines of spec file `testPath` live. */
export function baselinePath(testPath: string): string {
  return join(dirname(testPath), '__perf__', `${basename(testPath)}.json`);
}

/** Read a baseline file; an empty one when it does not exist. Throws ERR_STRESS_BASELINE_FILE when malformed. */
export function readBaselineFile(path: string): BaselineFile {
  if (!existsSync(path))
    return { kind: BASELINE_KIND, schemaVersion: BASELINE_SCHEMA_VERSION, entries: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BaselineFileError(path, `is not valid JSON (${(error as Error).message})`);
  }
  const file = parsed as Partial<BaselineFile>;
  if (
    file?.kind !== BASELINE_KIND ||
    file.schemaVersion !== BASELINE_SCHEMA_VERSION ||
    !Array.isArray(file.entries)
  ) {
    throw new BaselineFileError(
      path,
      `is not a ${BASELINE_KIND} file of schemaVersion ${BASELINE_SCHEMA_VERSION}`,
    );
  }
  return file as BaselineFile;
}

/** The entry of `test` and `run`, if any. */
export function findEntry(
  file: BaselineFile,
  test: string,
  run: string,
): BaselineEntry | undefined {
  return file.entries.find((e) => e.test === test && e.run === run);
}

/** Replace or add `entry` and write the file atomically (temp file, then rename). */
export function writeEntry(path: string, entry: BaselineEntry): void {
  const file = readBaselineFile(path);
  const entries = file.entries.filter((e) => !(e.test === entry.test && e.run === entry.run));
  entries.push(entry);
  entries.sort((a, b) =>
    a.test < b.test ? -1 : a.test > b.test ? 1 : a.run < b.run ? -1 : a.run > b.run ? 1 : 0,
  );
  writeFileAtomicSync(path, `${JSON.stringify({ ...file, entries }, null, 2)}\n`);
}
