import { readFile, writeFile } from 'node:fs/promises';

/**
 * Replace what lies between `<!-- NAME:start -->` and `<!-- NAME:end -->` in the Markdown file
 * at `doc` with `section`; throws naming the markers when the file has no such region.
 */
export async function writeRegion(doc: URL, name: string, section: string): Promise<void> {
  const text = await readFile(doc, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${doc.pathname} has no ${start} … ${end} region`);
  await writeFile(doc, `${text.slice(0, i + start.length)}\n${section}\n${text.slice(j)}`);
}
