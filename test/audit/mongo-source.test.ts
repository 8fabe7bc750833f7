import { describe, expect, test } from 'vitest';
import { AuditIdCounts } from '../../src/audit/audit-id-counts.js';
import {
  readCollection,
  type AuditCollection,
  type AuditCursor,
} from '../../src/audit/mongo-source.js';
import { AuditSourceError } from '../../src/errors.js';

/**
 * A collection whose cursor hands documents over as the driver does: it fetches `batchSize`
 * documents at a time (a getMore) once the previous batch is consumed; `failOnBatch` throws
 * instead of fetching that batch. Records what find() was asked and whether the cursor closed.
 */
function fakeCollection(docs: Array<Record<string, unknown>>, failOnBatch?: number) {
  const seen = {
    filter: undefined as unknown,
    options: undefined as unknown,
    batchesFetched: 0,
    closed: false,
  };
  const collection: AuditCollection = {
    find(filter, options) {
      seen.filter = filter;
      seen.options = options;
      async function* documents(): AsyncGenerator<Record<string, unknown>> {
        for (let at = 0; at < docs.length; at += options.batchSize) {
          if (++seen.batchesFetched === failOnBatch) throw new Error('connection reset by peer');
          await Promise.resolve();
          yield* docs.slice(at, at + options.batchSize);
        }
      }
      const cursor: AuditCursor = {
        [Symbol.asyncIterator]: () => documents(),
        close: async () => {
          seen.closed = true;
        },
      };
      return cursor;
    },
  };
  return { collection, seen };
}

const query = { idPrefix: 'run-', sinceMs: 0 };
const docs = (n: number) => Array.from({ length: n }, (_, i) => ({ requestId: `run-${i + 1}` }));
const read = { idField: 'requestId', batchSize: 100, where: 'MongoDB collection db.auditlogs' };

describe('the MongoDB source, one cursor batch at a time (a fake cursor: no mongod here)', () => {
  test('asks the driver for this run’s ids only, in batches, and holds one batch of ids at a time', async () => {
    const { collection, seen } = fakeCollection([...docs(250), { requestId: 42 }]);
    const counts = new AuditIdCounts();
    await readCollection(collection, read, { idPrefix: 'run.1+', sinceMs: 0 }, counts);
    expect(seen.filter).toEqual({ requestId: { $regex: '^run\\.1\\+' } });
    expect(seen.options).toEqual({ projection: { _id: 0, requestId: 1 }, batchSize: 100 });

    const { collection: c2, seen: s2 } = fakeCollection([...docs(250), { requestId: 42 }]);
    const all = new AuditIdCounts();
    await readCollection(c2, read, query, all);
    expect([all.records, all.pages, all.largestPageIds]).toEqual([250, 3, 100]);
    expect(s2.batchesFetched).toBe(3);
    expect(s2.closed).toBe(true);
    expect([...all].length).toBe(250);
  });

  test('an empty collection is one empty batch', async () => {
    const { collection } = fakeCollection([]);
    const counts = new AuditIdCounts();
    await readCollection(collection, read, query, counts);
    expect([counts.records, counts.pages]).toEqual([0, 1]);
  });

  test('a cursor that fails on batch 3 → a coded error naming the batch; the cursor is closed', async () => {
    const { collection, seen } = fakeCollection(docs(1000), 3);
    const counts = new AuditIdCounts();
    const error = await readCollection(collection, read, query, counts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditSourceError);
    expect(error).toMatchObject({
      code: 'ERR_STRESS_AUDIT_SOURCE',
      source: 'mongodb',
      page: 3,
      recordsRead: 200,
    });
    expect((error as Error).message).toBe(
      'could not read the MongoDB collection db.auditlogs: batch 3 failed after 200 of this ' +
        "run's records (connection reset by peer); a partial trail is not judged",
    );
    expect(seen.closed).toBe(true);
  });
});
