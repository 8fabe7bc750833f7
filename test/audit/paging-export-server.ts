import { startServer, type FixtureServer } from '../helpers/servers.js';

/** How a page of the paging export fails, and on which (1-based) page. */
export type PageFault = { page: number; kind: 'status-500' | 'reset' | 'same-cursor' };

/** A loopback audit export that pages its records: ?limit=N&cursor=<offset> → { records, next }. */
export interface PagingExport extends FixtureServer {
  /** Pages answered (or failed), in the order asked. */
  pagesAsked: () => number;
  /** Most page requests in flight at once (a source that prefetches would show 2). */
  maxInFlight: () => number;
  /** The `limit` of every page request. */
  limits: number[];
}

/**
 * Serve `ids()` (read again on every page, so a test may add ids later) as an audit export, `limit`
 * records a page (the query's `limit`), the offset of the next page as its cursor; `fault`
 * breaks one page. Each page is answered on the next event-loop turn, so requests could overlap.
 */
export async function startPagingExport(
  ids: () => readonly string[],
  fault?: PageFault,
): Promise<PagingExport> {
  let asked = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const limits: number[] = [];
  const server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/api/audit/export') {
      res.end('ok');
      return;
    }
    const page = ++asked;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const limit = Number(url.searchParams.get('limit'));
    limits.push(limit);
    const offset = Number(url.searchParams.get('cursor') ?? '0');
    setImmediate(() => {
      if (fault?.page === page && fault.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault?.page === page && fault.kind === 'status-500') {
        res.statusCode = 500;
        res.end('{"error":"boom"}');
        return;
      }
      const all = ids();
      const records = all
        .slice(offset, offset + limit)
        .map((requestId) => ({ requestId, timestamp: Date.now() }));
      const end = offset + limit >= all.length;
      const next = fault?.page === page ? String(offset) : end ? undefined : String(offset + limit);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ records, count: records.length, ...(next ? { next } : {}) }));
    });
  });
  return { ...server, pagesAsked: () => asked, maxInFlight: () => maxInFlight, limits };
}
