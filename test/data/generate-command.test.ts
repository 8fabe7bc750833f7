import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCommand } from '../../src/cli/generate.js';
import { generateCreditRecords, serializePayload } from '../../src/data/index.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => ((out.stdout += s), true) },
    stderr: { write: (s: string) => ((out.stderr += s), true) },
  };
  return { out, io };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitest-stress-generate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generateCommand', () => {
  test('writes { records } to --out, atomically (no temp file left)', async () => {
    const { out, io } = capture();
    const file = join(dir, 'payload.json');
    expect(await generateCommand(['--records', '25', '--seed', '7', '--out', file], io)).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      serializePayload(generateCreditRecords(25, { seed: 7 })),
    );
    expect(await readdir(dir)).toEqual(['payload.json']);
    expect(out.stderr).toContain('wrote 25 records (seed 7)');
  });

  test('accepts --flag=value and writes to stdout without --out', async () => {
    const { out, io } = capture();
    expect(await generateCommand(['--records=3'], io)).toBe(0);
    expect(JSON.parse(out.stdout).records).toHaveLength(3);
  });

  test.each([
    [['--recrods', '10'], '--recrods'],
    [['--records', 'ten'], '--records'],
    [['--records', '0'], '--records'],
    [[], '--records'],
    [['--records', '5', '--seed', 'x'], '--seed'],
    [['--records'], '--records'],
  ])('%j fails with exit 2 naming %s', async (argv, flag) => {
    const { out, io } = capture();
    expect(await generateCommand(argv, io)).toBe(2);
    expect(out.stderr.split('\n')[0]).toContain(flag);
  });

  test('a write failure exits 1 and leaves nothing behind', async () => {
    const { out, io } = capture();
    // A regular file where a directory should be: nothing can be written below it.
    await writeFile(join(dir, 'not-a-dir'), 'x');
    expect(
      await generateCommand(['--records', '2', '--out', join(dir, 'not-a-dir', 'p.json')], io),
    ).toBe(1);
    expect(out.stderr).toContain('could not write');
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });
});
