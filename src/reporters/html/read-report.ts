import { readFile } from 'node:fs/promises';
import { InvalidReportError } from '../../errors.js';
import { PERF_RESULTS_SCHEMA, type PerfResultsFile } from '../../contracts/perf-results.js';

/**
 * Read a perf-results.json (the reporter's, or merged results of the same schema). Throws
 * ERR_STRESS_INVALID_REPORT naming the file when it cannot be read, is not JSON, has another
 * `schema`, or has no `tests` array.
 */
export async function readPerfResults(path: string): Promise<PerfResultsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidReportError(
      path,
      `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      error,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidReportError(path, `not JSON (${(error as Error).message})`, error);
  }
  return checkPerfResults(path, value);
}

/** `value` as a report, or ERR_STRESS_INVALID_REPORT saying which field is wrong. */
export function checkPerfResults(path: string, value: unknown): PerfResultsFile {
  const v = value as Partial<PerfResultsFile> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new InvalidReportError(path, 'expected a JSON object');
  if (v.schema !== PERF_RESULTS_SCHEMA)
    throw new InvalidReportError(
      path,
      `"schema" must be "${PERF_RESULTS_SCHEMA}", got ${JSON.stringify(v.schema) ?? 'nothing'}`,
    );
  if (!Array.isArray(v.tests)) throw new InvalidReportError(path, '"tests" must be an array');
  const bad = v.tests.findIndex(
    (t) => typeof t !== 'object' || t === null || typeof t.name !== 'string',
  );
  if (bad !== -1)
    throw new InvalidReportError(path, `"tests[${bad}]" must be an object with a "name" string`);
  return v as PerfResultsFile;
}
