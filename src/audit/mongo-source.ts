import { AuditSourceError, InvalidOptionError } from '../errors.js';
import { rejectUnknownKeys } from '../options/closest-name.js';
import type { AuditIdCounts } from './audit-id-counts.js';
import type { AuditQuery } from './audit-query.js';
import { importPeer } from './import-peer.js';

/** The MongoDB source: `{ mongodb: { uri, database, collection, idField?, batchSize? } }`. */
export interface MongoSource {
  uri: string;
  database: string;
  collection: string;
  /** The document field holding the request id. Default 'requestId'. */
  idField?: string;
  /** Documents per cursor batch (the driver's `batchSize`). Default 10 000. */
  batchSize?: number;
}

/** What the MongoDB source needs of a driver cursor (a FindCursor is one). */
export interface AuditCursor extends AsyncIterable<Record<string, unknown>> {
  close(): Promise<void>;
}

/** What the MongoDB source needs of a collection (the driver's Collection is one). */
export interface AuditCollection {
  find(
    filter: Record<string, unknown>,
    options: { projection: Record<string, 0 | 1>; batchSize: number },
  ): AuditCursor;
}

const KEYS = ['uri', 'database', 'collection', 'idField', 'batchSize'] as const;
const DEFAULT_BATCH_SIZE = 10_000;
const MAX_BATCH_SIZE = 1_000_000;

/** Read the collection with the official driver into `counts`, one cursor batch at a time. */
export async function readMongo(
  options: MongoSource,
  query: AuditQuery,
  counts: AuditIdCounts,
): Promise<void> {
  rejectUnknownKeys(options, KEYS, 'source.mongodb');
  for (const key of ['uri', 'database', 'collection'] as const) {
    if (typeof options[key] !== 'string' || options[key].length === 0)
      throw new InvalidOptionError(`source.mongodb.${key}`, options[key], 'a non-empty string');
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE)
    throw new InvalidOptionError(
      'source.mongodb.batchSize',
      batchSize,
      `an integer in 1..${MAX_BATCH_SIZE}`,
    );
  const { MongoClient } = await importPeer(
    'mongodb',
    'the MongoDB audit source ({ mongodb: { uri, database, collection } })',
    () => import('mongodb'),
  );
  const where = `MongoDB collection ${options.database}.${options.collection}`;
  const client = new MongoClient(options.uri, { serverSelectionTimeoutMS: 5000 });
  try {
    try {
      await client.connect();
    } catch (error) {
      throw new AuditSourceError(
        'mongodb',
        `could not connect to the ${where}: ${(error as Error).message}`,
        { page: 1, recordsRead: 0 },
        error,
      );
    }
    const collection = client.db(options.database).collection(options.collection);
    await readCollection(
      collection,
      { idField: options.idField ?? 'requestId', batchSize, where },
      query,
      counts,
    );
  } finally {
    await client.close();
  }
}

/**
 * Count the collection's ids of the run into `counts` one batch of `batchSize` documents at a
 * time (the driver holds one batch; this holds at most one batch of ids). A cursor that fails
 * part-way throws AuditSourceError naming the batch; the cursor is closed either way.
 */
export async function readCollection(
  collection: AuditCollection,
  read: { idField: string; batchSize: number; where: string },
  query: AuditQuery,
  counts: AuditIdCounts,
): Promise<void> {
  const { idField, batchSize } = read;
  const prefix = query.idPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cursor = collection.find(
    { [idField]: { $regex: `^${prefix}` } },
    { projection: { _id: 0, [idField]: 1 }, batchSize },
  );
  let batch: string[] = [];
  let documents = 0;
  try {
    for await (const doc of cursor) {
      const id = doc[idField];
      if (typeof id === 'string' && id.startsWith(query.idPrefix)) batch.push(id);
      if (++documents === batchSize) {
        counts.addPage(batch);
        batch = [];
        documents = 0;
      }
    }
    if (documents > 0 || counts.pages === 0) counts.addPage(batch);
  } catch (error) {
    const page = counts.pages + 1;
    throw new AuditSourceError(
      'mongodb',
      `could not read the ${read.where}: batch ${page} failed after ${counts.records} of ` +
        `this run's records (${(error as Error).message}); a partial trail is not judged`,
      { page, recordsRead: counts.records },
      error,
    );
  } finally {
    await cursor.close().catch(() => undefined);
  }
}
