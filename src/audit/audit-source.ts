import { InvalidOptionError } from '../errors.js';
import { AuditIdCounts } from './audit-id-counts.js';
import type { AuditQuery } from './audit-query.js';
import { readExport, type ExportSource } from './export-source.js';
import { readMongo, type MongoSource } from './mongo-source.js';

/** Where the audit trail lives. */
export type AuditSource =
  /**
   * A service with the reference service's bulk export, read page by page:
   * GET <url>/api/audit/export?since=<epoch ms>&limit=<pageSize>[&cursor=<next>] →
   * { records, next? } (no `next`: the last page).
   */
  | ExportSource
  /**
   * A MongoDB collection (the seed's `auditlogs`), read with the official driver one cursor
   * batch at a time: install the optional peer `mongodb`.
   */
  | { mongodb: MongoSource }
  /** Your own lookup: given the run's id prefix and start time, return the audit records' request ids. */
  | { fetchIds: (query: AuditQuery) => Promise<string[]> };

export type { AuditQuery };

const SHAPES = '{ exportUrl } | { mongodb: { uri, database, collection } } | { fetchIds }';

/**
 * The request ids in the trail that start with the run's prefix, one per record, counted by
 * sequence number as the source hands them over (an export page, a cursor batch): memory is a
 * page plus 5 bytes a request, never the run's id strings. Iterating the result yields the ids.
 * A source that fails part-way throws AuditSourceError (ERR_STRESS_AUDIT_SOURCE): a partial
 * trail is never returned.
 */
export async function fetchAuditIds(
  source: AuditSource,
  query: AuditQuery,
): Promise<AuditIdCounts> {
  if (typeof source !== 'object' || source === null)
    throw new InvalidOptionError('source', source, SHAPES);
  const counts = new AuditIdCounts();
  if ('exportUrl' in source) await readExport(source, query, counts);
  else if ('mongodb' in source) await readMongo(source.mongodb, query, counts);
  else if ('fetchIds' in source && typeof source.fetchIds === 'function') {
    const ids = await source.fetchIds(query);
    counts.addPage(ids.filter((id) => id.startsWith(query.idPrefix)));
  } else throw new InvalidOptionError('source', source, SHAPES);
  return counts;
}
