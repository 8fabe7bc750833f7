/** `vitest-stress run`: filled in by the scenarios work (issue 6). */
export async function runCommand(_argv: string[]): Promise<number> {
  process.stderr.write('vitest-stress run: not available yet\n');
  return 2;
}
