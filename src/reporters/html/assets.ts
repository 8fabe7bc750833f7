import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The chart library's files, read once from the installed uplot package (a runtime dependency). */
export interface ChartAssets {
  script: string;
  css: string;
  /** uplot's version, written into the page. */
  version: string;
}

let cached: ChartAssets | undefined;

/** uPlot's minified IIFE build and its CSS, from node_modules/uplot/dist, for inlining into the page. */
export function chartAssets(): ChartAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const read = (file: string) => readFileSync(require.resolve(`uplot/${file}`), 'utf8');
  const pkg = JSON.parse(read('package.json')) as { version: string };
  cached = {
    script: read('dist/uPlot.iife.min.js'),
    css: read('dist/uPlot.min.css'),
    version: pkg.version,
  };
  return cached;
}
