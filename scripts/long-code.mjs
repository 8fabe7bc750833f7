#!/usr/bin/env node
// No file over MAX_FILE_LINES lines and no function over MAX_FUNCTION_LINES lines (STYLE.md,
// HELPER-RULES): lists every offender and exits 1 when one is new or has grown past its allowance.
// Source = the tracked source files under ROOTS (scripts/source-files.mjs) (tests are not counted: a
// describe block holding its tests is long by nature). A function's lines run from its first
// token to its closing brace; a function nested in another counts on its own and in its parent.
// ALLOWED is a ratchet: what was over the limit when the check came (2026-12-03), each at its
// size then. An entry may shrink or go (the check says when one can be removed); none may grow.
// Run: npm run lint:size [-- --list]
import ts from 'typescript';
import { sourceFiles } from './source-files.mjs';

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;
const ROOTS = ['src', 'fixtures', 'bench', 'scripts', 'suites'];

/** `file` (lines) or `file#function` (lines) → the most lines it may have. */
const ALLOWED = {
  // Files. bench/core.ts is the core bench (autocannon, wrk and load() side by side).
  'bench/core.ts': 509,
  // Functions, at their size on 2026-12-03: each wants a split of its own, by whoever owns it.
  'bench/chaos-proxy.ts#main': 71,
  'bench/core.ts#throughput': 113,
  'bench/core.ts#accuracy': 101,
  'fixtures/ethix-service/model/tree-shap.mjs#recurse': 80,
  'src/ab/ab-options.ts#validateCompareOptions': 63,
  'src/ab/compare-targets.ts#compareTargets': 74,
  'src/engine/open-driver.ts#openDriver': 102,
  'src/engine/vu-driver.ts#vuDriver': 111,
  'src/journeys/open-journeys.ts#runOpenJourneys': 77,
  'src/matchers/to-have-complete-audit-trail.ts#toHaveCompleteAuditTrail': 62,
  'src/measure/measure.ts#measure': 80,
  'src/metrics/alerts/seed-rules.ts#seedAlertRules': 86,
  'src/metrics/exposition.ts#parseSampleLine': 62,
  'src/metrics/prometheus/queries.ts#seedQueries': 71,
  'src/metrics/prometheus/query-api.ts#queryApi': 64,
  'src/metrics/sampler.ts#sampleMetrics': 109,
  'src/result/recovery.ts#measureRecovery': 64,
  'src/sequential/until-options.ts#resolveUntil': 61,
};

const files = sourceFiles(ROOTS);

/** The name a function goes by: its own, its variable's or property's, or the call it is passed to. */
function ownName(node, sourceFile) {
  if (node.name) return node.name.getText(sourceFile);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
    return parent.name.getText(sourceFile);
  if (ts.isCallExpression(parent)) return `${parent.expression.getText(sourceFile)}(callback)`;
  return '<anonymous>';
}

/** Every function of `file` over the limit, as [file#outer.inner, lines]. */
function longFunctions(file, text) {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const seen = new Map();
  const visit = (node, path) => {
    let inner = path;
    if (ts.isFunctionLike(node) && node.body) {
      inner = [...path, ownName(node, sourceFile)];
      const first = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
      const last = sourceFile.getLineAndCharacterOfPosition(node.end).line;
      let key = `${file}#${inner.join('.')}`;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count > 1) key += `~${count}`; // two callbacks of one name: numbered in order
      if (last - first + 1 > MAX_FUNCTION_LINES) found.push([key, last - first + 1]);
    } else if (ts.isClassDeclaration(node) && node.name) {
      inner = [...path, node.name.getText(sourceFile)];
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(sourceFile, []);
  return found;
}

const offenders = [];
for (const [file, text] of files) {
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_FILE_LINES) offenders.push([file, lines]);
  offenders.push(...longFunctions(file, text));
}

const failures = offenders.filter(([key, lines]) => !(lines <= (ALLOWED[key] ?? 0)));
const present = new Set(offenders.map(([key]) => key));
const removable = Object.keys(ALLOWED).filter((key) => !present.has(key));
const limits = `files over ${MAX_FILE_LINES} lines, functions over ${MAX_FUNCTION_LINES}`;
const describe = ([key, lines]) =>
  `  ${key} (${lines} lines${key in ALLOWED ? `, at most ${ALLOWED[key]} allowed` : ''})`;
if (failures.length > 0) {
  console.error(`${failures.length} new or grown past the limits (${limits}):`);
  for (const failure of failures) console.error(describe(failure));
  console.error(
    'Split it by concern (STYLE.md), or, for a reason written here, allow it in ALLOWED.',
  );
  process.exit(1);
}
console.log(
  `${offenders.length} allowed over the limits (${limits}; ${files.length} files), none grown`,
);
if (process.argv.includes('--list'))
  for (const offender of offenders) console.log(describe(offender));
for (const key of removable)
  console.log(`  ${key} is within the limits now: remove it from ALLOWED`);
