#!/usr/bin/env node
// No source line over MAX characters (ARCHITECTURE.md): lists every offender as file:line (length)
// and exits 1 when there is one. Source = the tracked .ts/.js/.mjs/.cjs files; prettier keeps
// code within 100, so what this catches is the long string or comment it cannot break.
// ALLOWED was a ratchet while the tree still had such lines (331 after the first format); it is 0
// now: every line is within MAX.
// Run: npm run lint:lines [-- --max 120]
import { sourceFiles } from './source-files.mjs';

const flag = process.argv.indexOf('--max');
const MAX = flag > 0 ? Number(process.argv[flag + 1]) : 120;
const ALLOWED = 0;
const files = sourceFiles();

const offenders = [];
for (const [file, text] of files) {
  text.split('\n').forEach((line, index) => {
    if (line.length > MAX) offenders.push(`${file}:${index + 1} (${line.length})`);
  });
}
if (offenders.length > ALLOWED) {
  console.error(
    `${offenders.length} source line(s) over ${MAX} characters (at most ${ALLOWED} allowed):`,
  );
  for (const offender of offenders) console.error(`  ${offender}`);
  process.exit(1);
}
if (offenders.length > 0) {
  console.log(
    `${offenders.length} source line(s) over ${MAX} characters ` +
      `(ratchet: at most ${ALLOWED}; \`npm run lint:lines -- --list\` lists them)`,
  );
  if (process.argv.includes('--list'))
    for (const offender of offenders) console.log(`  ${offender}`);
  process.exit(0);
}
console.log(`no source line over ${MAX} characters (${files.length} files)`);
