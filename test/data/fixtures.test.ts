import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { fixtureFiles } from '../../fixtures/data/regenerate.js';

test('regenerating the payload fixtures yields the committed bytes', async () => {
  const files = fixtureFiles();
  expect([...files.keys()].sort()).toEqual([
    'payload_100.json',
    'payload_1000.json',
    'payload_500.json',
    'payload_5000.json',
    'sample_record.json',
  ]);
  for (const [name, expected] of files) {
    const committed = await readFile(
      new URL(`../../fixtures/data/${name}`, import.meta.url),
      'utf8',
    );
    // Compare lengths first so a mismatch does not print megabytes.
    expect(committed.length, name).toBe(expected.length);
    expect(committed === expected, `${name} differs from a fresh regeneration`).toBe(true);
  }
});

test('payload fixtures are { records: [...] } of the advertised size', async () => {
  const payload = JSON.parse(
    await readFile(new URL('../../fixtures/data/payload_500.json', import.meta.url), 'utf8'),
  );
  expect(Object.keys(payload)).toEqual(['records']);
  expect(payload.records).toHaveLength(500);
});
