// The import rules of ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser 17):
// imports point one way, type-only imports included (tsPreCompilationDeps).

// The layers of ARCHITECTURE.md, bottom first: a module may import its own layer and the ones
// below it, never one above. A new room goes into the layer of what it needs (ARCHITECTURE.md).
const LAYERS = [
  ['foundation', '^src/(contracts|format|random|histogram|output)/|^src/errors[.]ts$'],
  [
    'core',
    '^src/(options|vitest|split|trust|sequential|ledger-store|recorder|engine|result|progress)/',
  ],
  ['runs', '^src/(load[.]ts$|measure/|journeys/)'],
  ['features', '^src/(chaos|metrics|data|ab|baseline|audit|history)/'],
  ['judging', '^src/(matchers|capacity)/'],
  ['output', '^src/(report-text|reporters|merge)/'],
  ['entries', '^src/(cli|entries)/|^src/index[.]ts$'],
];
const layerRules = LAYERS.slice(0, -1).map(([name, path], index) => ({
  name: `layer-${name}`,
  severity: 'error',
  comment: `The ${name} layer imports only itself and the layers below it (ARCHITECTURE.md).`,
  from: { path },
  to: {
    path: LAYERS.slice(index + 1)
      .map(([, above]) => `(${above})`)
      .join('|'),
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycle, type-only imports included: lift the shared part into a lower module.',
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
