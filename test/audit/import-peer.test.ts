import { describe, expect, test } from 'vitest';
import { importPeer } from '../../src/audit/import-peer.js';
import { fetchAuditIds } from '../../src/audit/audit-source.js';
import { MissingPeerError } from '../../src/errors.js';

describe('importPeer', () => {
  test('a package that is not installed → MissingPeerError naming it and the feature', async () => {
    // A variable specifier: tsc cannot resolve it, Node fails at run time like a missing peer does.
    const name = 'vitest-stress-no-such-peer';
    const error = await importPeer(name, 'the test feature', () => import(name)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MissingPeerError);
    expect(error).toMatchObject({
      code: 'ERR_STRESS_MISSING_PEER',
      packageName: name,
      feature: 'the test feature',
    });
    expect((error as Error).message).toBe(
      'the test feature needs the optional peer dependency "vitest-stress-no-such-peer": ' +
        'install it with npm install vitest-stress-no-such-peer',
    );
  });

  test('an installed package loads', async () => {
    const mongodb = await importPeer(
      'mongodb',
      'the MongoDB audit source',
      () => import('mongodb'),
    );
    expect(typeof mongodb.MongoClient).toBe('function');
  });

  test('other failures are not disguised as a missing peer', async () => {
    const boom = new Error('boom');
    await expect(importPeer('mongodb', 'x', () => Promise.reject(boom))).rejects.toBe(boom);
    const otherMissing = Object.assign(
      new Error("Cannot find package 'bson' imported from /app/node_modules/mongodb/lib/index.js"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );
    await expect(importPeer('mongodb', 'x', () => Promise.reject(otherMissing))).rejects.toBe(
      otherMissing,
    );
  });

  test('the MongoDB audit source still validates its options before loading the driver', async () => {
    await expect(
      fetchAuditIds(
        { mongodb: { uri: '', database: 'd', collection: 'c' } },
        { idPrefix: 'p', sinceMs: 0 },
      ),
    ).rejects.toMatchObject({ code: 'ERR_STRESS_INVALID_OPTION', field: 'source.mongodb.uri' });
  });
});
