import { AuditSourceError, InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from '../options/closest-name.js';
import type { AuditIdCounts } from './audit-id-counts.js';
import type { AuditQuery } from './audit-query.js';

/** The HTTP export source: `{ exportUrl, idField?, pageSize? }`. */
export interface ExportSource {
  exportUrl: string;
  /** The record field holding the request id. Default 'requestId'. */
  idField?: string;
  /** Records asked for per page (`limit`); a server may send fewer or, if it does not page, all. Default 10 000. */
  pageSize?: number;
}

const KEYS = ['exportUrl', 'idField', 'pageSize'] as const;
const DEFAULT_PAGE_SIZE = 10_000;
const MAX_PAGE_SIZE = 1_000_000;
/** Pages at most (a bound on the loop: 10^9 records at the default page size). */
export const MAX_EXPORT_PAGES = 100_000;
const PAGE_TIMEOUT_MS = 30_000;

/** One page as read: this run's ids in it and the cursor of the next page, if any. */
interface Page {
  ids: string[];
  next: string | undefined;
}

/**
 * Read the export page by page into `counts`: each page's ids are counted, then dropped, before
 * the next page is asked for, so the source holds one page at a time. A page that fails (network,
 * HTTP status, malformed body, a cursor repeated) throws AuditSourceError naming it.
 */
export async function readExport(
  source: ExportSource,
  query: AuditQuery,
  counts: AuditIdCounts,
): Promise<void> {
  rejectUnknownKeys(source, KEYS, 'source');
  const idField = source.idField ?? 'requestId';
  const pageSize = source.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new InvalidOptionError('source.pageSize', pageSize, `an integer in 1..${MAX_PAGE_SIZE}`);
  const first = firstPageUrl(source.exportUrl, query, pageSize);
  let cursor: string | undefined;
  for (let page = 1; page <= MAX_EXPORT_PAGES; page++) {
    const url = new URL(first);
    if (cursor !== undefined) url.searchParams.set('cursor', cursor);
    const fail = (problem: string, cause?: unknown): AuditSourceError =>
      new AuditSourceError(
        'export',
        `could not read the audit export at ${first.href}: page ${page} failed after ` +
          `${counts.records} of this run's records (${problem}); a partial trail is not judged`,
        { page, recordsRead: counts.records },
        cause,
      );
    const { ids, next } = await readPage(url, idField, query.idPrefix, fail);
    counts.addPage(ids);
    if (next === undefined) return;
    if (next === cursor) throw fail(`the export answered its own cursor "${next}" as the next`);
    cursor = next;
  }
  throw new AuditSourceError(
    'export',
    `the audit export at ${first.href} did not end within ${MAX_EXPORT_PAGES} pages`,
    { page: MAX_EXPORT_PAGES, recordsRead: counts.records },
  );
}

function firstPageUrl(exportUrl: string, query: AuditQuery, pageSize: number): URL {
  let url: URL;
  try {
    url = new URL(exportUrl);
  } catch {
    throw new InvalidOptionError('source.exportUrl', exportUrl, 'an http(s) URL');
  }
  if (!url.pathname.endsWith('/api/audit/export'))
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/audit/export`;
  url.searchParams.set('since', String(Math.max(0, Math.floor(query.sinceMs) - 1000)));
  url.searchParams.set('limit', String(pageSize));
  return url;
}

async function readPage(
  url: URL,
  idField: string,
  idPrefix: string,
  fail: (problem: string, cause?: unknown) => AuditSourceError,
): Promise<Page> {
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status}`);
    }
    body = await response.json();
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    throw fail(
      `${(error as Error).message}${typeof cause === 'string' ? `: ${cause}` : ''}`,
      error,
    );
  }
  const { records, next } = (body ?? {}) as { records?: unknown; next?: unknown };
  if (!Array.isArray(records)) throw fail('the body has no "records" array');
  if (next !== undefined && next !== null && (typeof next !== 'string' || next === ''))
    throw fail(`"next" must be a non-empty string cursor or absent, got ${JSON.stringify(next)}`);
  const ids: string[] = [];
  for (const r of records) {
    const id = (r as Record<string, unknown> | null)?.[idField];
    if (typeof id === 'string' && id.startsWith(idPrefix)) ids.push(id);
  }
  return { ids, next: typeof next === 'string' ? next : undefined };
}
