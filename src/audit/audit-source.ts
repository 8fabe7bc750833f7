import { InvalidOptionError, StressError } from '../errors.js';
import { rejectUnknownKeys } from '../options/closest-name.js';
import { importPeer } from './import-peer.js';

/** Where the audit trail lives. */
export type AuditSource =
  /** A service with the reference service's bulk export: GET <url>/api/audit/export?since=<epoch ms> → { records }. */
  | { exportUrl: string; idField?: string }
  /**
   * A MongoDB collection (the seed's `auditlogs`), read with the official driver: install the
   * optional peer `mongodb`.
   */
  | { mongodb: { uri: string; database: string; collection: string; idField?: string } }
  /** Your own lookup: given the run's id prefix and start time, return the audit records' request ids. */
  | { fetchIds: (query: AuditQuery) => Promise<string[]> };

/** What a source is asked for. */
export interface AuditQuery {
  /** Every request id of the run starts with this. */
  idPrefix: string;
  /** Epoch ms the run started; audit records are no older. */
  sinceMs: number;
}

/** Request ids found in the trail that start with the run's prefix, one entry per record. */
export async function fetchAuditIds(source: AuditSource, query: AuditQuery): Promise<string[]> {
  if (typeof source !== 'object' || source === null)
    throw new InvalidOptionError(
      'source',
      source,
      '{ exportUrl } | { mongodb: { uri, database, collection } } | { fetchIds }',
    );
  if ('exportUrl' in source)
    return fromExport(source.exportUrl, source.idField ?? 'requestId', query);
  if ('mongodb' in source) return fromMongo(source.mongodb, query);
  if ('fetchIds' in source && typeof source.fetchIds === 'function') {
    const ids = await source.fetchIds(query);
    return ids.filter((id) => id.startsWith(query.idPrefix));
  }
  throw new InvalidOptionError(
    'source',
    source,
    '{ exportUrl } | { mongodb: { uri, database, collection } } | { fetchIds }',
  );
}

async function fromExport(
  exportUrl: string,
  idField: string,
  query: AuditQuery,
): Promise<string[]> {
  const url = new URL(exportUrl);
  if (!url.pathname.endsWith('/api/audit/export'))
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/audit/export`;
  url.searchParams.set('since', String(Math.max(0, Math.floor(query.sinceMs) - 1000)));
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new StressError(
      'ERR_STRESS_INVALID_OPTION',
      `could not read the audit export at ${url.href}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const records = (body as { records?: unknown }).records;
  if (!Array.isArray(records))
    throw new StressError(
      'ERR_STRESS_INVALID_OPTION',
      `the audit export at ${url.href} has no "records" array`,
    );
  const ids: string[] = [];
  for (const r of records) {
    const id = (r as Record<string, unknown>)?.[idField];
    if (typeof id === 'string' && id.startsWith(query.idPrefix)) ids.push(id);
  }
  return ids;
}

const MONGO_KEYS = ['uri', 'database', 'collection', 'idField'] as const;

async function fromMongo(
  options: { uri: string; database: string; collection: string; idField?: string },
  query: AuditQuery,
): Promise<string[]> {
  rejectUnknownKeys(options, MONGO_KEYS, 'source.mongodb');
  for (const key of ['uri', 'database', 'collection'] as const) {
    if (typeof options[key] !== 'string' || options[key].length === 0)
      throw new InvalidOptionError(`source.mongodb.${key}`, options[key], 'a non-empty string');
  }
  const idField = options.idField ?? 'requestId';
  const { MongoClient } = await importPeer(
    'mongodb',
    'the MongoDB audit source ({ mongodb: { uri, database, collection } })',
    () => import('mongodb'),
  );
  const client = new MongoClient(options.uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    const prefix = query.idPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const cursor = client
      .db(options.database)
      .collection(options.collection)
      .find({ [idField]: { $regex: `^${prefix}` } }, { projection: { _id: 0, [idField]: 1 } });
    const ids: string[] = [];
    for await (const doc of cursor) {
      const id = (doc as Record<string, unknown>)[idField];
      if (typeof id === 'string') ids.push(id);
    }
    return ids;
  } finally {
    await client.close();
  }
}
