// The public API per entry point, pinned: any export added, removed or renamed shows up as a
// snapshot change to review (and to document in docs/api.md).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { import?: string }>;
};

/** package.json export → the source file it is built from (./dist/src/x.js → src/x.ts). */
function sourceOf(entry: string): string {
  return resolve(root, pkg.exports[entry].import!.replace('./dist/', '').replace(/\.js$/, '.ts'));
}
const ENTRIES = Object.keys(pkg.exports).filter((e) => e !== './package.json');

let program: ts.Program | undefined;

/** Every name a module exports, split into runtime values and type-only names, via the type checker. */
function exportedNames(file: string): { values: string[]; types: string[] } {
  program ??= ts.createProgram(ENTRIES.map(sourceOf), {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const values: string[] = [];
  const types: string[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const typeOnly =
      symbol.declarations?.some((d) => ts.isTypeOnlyImportOrExportDeclaration(d)) ||
      !(target.flags & ts.SymbolFlags.Value);
    (typeOnly ? types : values).push(symbol.name);
  }
  return { values: values.sort(), types: types.sort() };
}

/** Packages a module loads when imported, following its runtime imports (type-only imports are erased first). */
function runtimePackages(
  file: string,
  seen = new Set<string>(),
  found = { static: new Set<string>(), lazy: new Set<string>() },
  lazy = false,
) {
  if (seen.has(file)) return found;
  seen.add(file);
  const js = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const statics = [
    ...js.matchAll(
      /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm,
    ),
  ];
  const specifiers = statics.map((m) => ({ spec: m[1] ?? m[2], lazy }));
  specifiers.push(
    ...[...js.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({
      spec: m[1],
      lazy: true,
    })),
  );
  for (const { spec, lazy: isLazy } of specifiers) {
    if (spec.startsWith('.'))
      runtimePackages(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen, found, isLazy);
    else if (!spec.startsWith('node:'))
      (isLazy ? found.lazy : found.static).add(
        spec
          .split('/')
          .slice(0, spec.startsWith('@') ? 2 : 1)
          .join('/'),
      );
  }
  return found;
}

describe('public API', () => {
  test('package.json exports the agreed entry points', () => {
    expect(ENTRIES).toEqual([
      '.',
      './chaos',
      './metrics',
      './data',
      './matchers',
      './reporter',
      './stats',
      './split',
    ]);
  });

  test.each(ENTRIES)('exports of %s', (entry) => {
    expect(exportedNames(sourceOf(entry))).toMatchSnapshot();
  });

  test('docs/api.md names every export of every entry point', () => {
    const doc = readFileSync(resolve(root, 'docs/api.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/`([A-Za-z_][\w]*)/g)].map((m) => m[1]));
    const missing = ENTRIES.filter((e) => e !== './reporter' && e !== './matchers')
      .flatMap((entry) => {
        const { values, types } = exportedNames(sourceOf(entry));
        return [...values, ...types].map((name) => `${entry} ${name}`);
      })
      .filter((item) => !documented.has(item.split(' ')[1]));
    expect(missing).toEqual([]);
  });

  test("each entry point's section of docs/api.md names each of its exports", () => {
    const doc = readFileSync(resolve(root, 'docs/api.md'), 'utf8');
    const sections = new Map<string, string>();
    for (const part of doc.split(/^## /m).slice(1)) {
      const heading = /^`(vitest-stress[^`]*)`/.exec(part);
      if (heading)
        sections.set(heading[1] === 'vitest-stress' ? '.' : `./${heading[1].split('/')[1]}`, part);
    }
    expect([...sections.keys()].sort()).toEqual([...ENTRIES].sort());
    const missing = ENTRIES.flatMap((entry) => {
      const named = new Set(
        [...sections.get(entry)!.matchAll(/`([A-Za-z_][\w]*)/g)].map((m) => m[1]),
      );
      const { values, types } = exportedNames(sourceOf(entry));
      return [...values, ...types]
        .filter((name) => name !== 'default' && !named.has(name))
        .map((name) => `${entry} ${name}`);
    });
    expect(missing).toEqual([]);
  });

  test('the imports shown in docs/api.md exist', () => {
    const doc = readFileSync(resolve(root, 'docs/api.md'), 'utf8');
    for (const [, names, from] of doc.matchAll(
      /^import \{ ([^}]+) \} from '(vitest-stress[^']*)';$/gm,
    )) {
      const entry = from === 'vitest-stress' ? '.' : `./${from.split('/')[1]}`;
      const { values, types } = exportedNames(sourceOf(entry));
      for (const name of names.split(',').map((n) => n.trim().replace(/^type /, '')))
        expect([...values, ...types], `${name} from ${from}`).toContain(name);
    }
  });

  test('root entry loads no faker, mongodb or prom-client; /data loads faker; /matchers mongodb lazily', () => {
    const rootPackages = runtimePackages(sourceOf('.'));
    for (const heavy of ['@faker-js/faker', 'mongodb', 'prom-client'])
      expect([...rootPackages.static]).not.toContain(heavy);
    expect([...runtimePackages(sourceOf('./data')).static]).toContain('@faker-js/faker');
    const matchers = runtimePackages(sourceOf('./matchers'));
    expect([...matchers.static]).not.toContain('mongodb');
    expect([...matchers.lazy]).toContain('mongodb');
  });
});
