import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/output/atomic-write.js';

describe('writeFileAtomic', () => {
  test('writes the whole file and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vs-atomic-'));
    const path = join(dir, 'nested', 'out.json');
    await writeFileAtomic(path, '{"a":1}\n');
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n');
    expect(await readdir(join(dir, 'nested'))).toEqual(['out.json']);
  });

  test('a failed write leaves the previous file untouched and no temp file, with a coded error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vs-atomic-'));
    const path = join(dir, 'out.json');
    await writeFile(path, 'previous');
    // A directory where the file should go makes the final rename fail after the temp file was written.
    const blocked = join(dir, 'blocked');
    await mkdir(join(blocked, 'x'), { recursive: true });
    await expect(writeFileAtomic(blocked, 'new')).rejects.toMatchObject({
      code: 'ERR_STRESS_WRITE_FAILED',
      path: blocked,
    });
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect((await readdir(dir)).sort()).toEqual(['blocked', 'out.json']);
  });

  test('concurrent writers never leave a mixed file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vs-atomic-'));
    const path = join(dir, 'out.txt');
    const bodies = Array.from({ length: 20 }, (_, i) => String(i).repeat(100_000));
    await Promise.all(bodies.map((b) => writeFileAtomic(path, b)));
    expect(bodies).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['out.txt']);
  });
});

describe('writeFileAtomicSync', () => {
  test('writes whole files; on failure leaves the previous file, no temp file, and a coded error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vs-atomic-sync-'));
    const path = join(dir, 'nested', 'out.json');
    writeFileAtomicSync(path, '{"a":1}\n');
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n');
    const blocked = join(dir, 'blocked');
    await mkdir(join(blocked, 'x'), { recursive: true });
    expect(() => writeFileAtomicSync(blocked, 'new')).toThrow(
      expect.objectContaining({ code: 'ERR_STRESS_WRITE_FAILED', path: blocked }),
    );
    expect((await readdir(dir)).sort()).toEqual(['blocked', 'nested']);
    expect(await readdir(join(dir, 'nested'))).toEqual(['out.json']);
  });
});
