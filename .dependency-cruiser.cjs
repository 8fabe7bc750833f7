// The import rules of ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser 17):
// imports point one way, type-only imports included (tsPreCompilationDeps).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle, type-only imports included: lift the shared part into a lower module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-stays-in-src',
      severity: 'error',
      comment: 'The package is built from src/ alone: nothing under src/ imports from outside it.',
      from: { path: '^src/' },
      to: { path: '^(?!src/|node_modules/)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'contracts-import-nothing',
      severity: 'error',
      comment:
        'src/contracts/ holds the result and file formats every folder points into: ' +
        'it imports nothing from the project.',
      from: { path: '^src/contracts/' },
      to: { path: '^(?!src/contracts/|node_modules/)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve is an import it cannot check.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.d.ts', '.json'],
      conditionNames: ['types', 'import', 'node', 'default'],
      exportsFields: ['exports'],
      mainFields: ['types', 'module', 'main'],
    },
  },
};
