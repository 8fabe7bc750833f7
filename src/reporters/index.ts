import { join, resolve } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { InvalidOptionError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { collectTests } from './collect.js';
import { buildHtmlReport } from './html/page.js';
import { buildJsonReport } from './json-report.js';
import { buildJunitReport, type JunitFlavor } from './junit-report.js';
import { runInfo } from './run-info.js';
import { summaryText } from './summary-text.js';

export interface StressReporterOptions {
  /** Directory for perf-results.json and junit.xml, relative to the Vitest root (default 'perf-results'). */
  outputDir?: string;
  /** Print the per-test summary at the end (default true). */
  summary?: boolean;
  /** Only summarise tests whose file matches this pattern, e.g. '\\.perf\\.ts$' (default: every file). */
  summaryFiles?: string;
  /** junit.xml flavor: 'rich' (default, properties per testcase) or 'strict' (Jenkins xUnit's junit-10.xsd). */
  junit?: { flavor?: JunitFlavor };
  /** Also write perf-report.html, a self-contained page with charts (default true). */
  html?: boolean;
}

function junitFlavor(options: StressReporterOptions['junit']): JunitFlavor {
  const flavor = options?.flavor ?? 'rich';
  if (flavor !== 'rich' && flavor !== 'strict')
    throw new InvalidOptionError('junit.flavor', flavor, "'rich' or 'strict'");
  return flavor;
}

export type { JunitFlavor } from './junit-report.js';

/**
 * vitest-stress reporter: writes perf-results.json and junit.xml (each atomically) and prints
 * a summary per perf test. Use next to 'default':
 * `reporters: ['default', ['vitest-stress/reporter', { outputDir: 'perf-results' }]]`.
 */
export default class StressReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly options: Required<Omit<StressReporterOptions, 'junit'>>;
  private readonly flavor: JunitFlavor;

  constructor(options: StressReporterOptions = {}) {
    if (options.html !== undefined && typeof options.html !== 'boolean')
      throw new InvalidOptionError('html', options.html, 'true or false');
    this.options = {
      outputDir: options.outputDir ?? 'perf-results',
      summary: options.summary ?? true,
      summaryFiles: options.summaryFiles ?? '',
      html: options.html ?? true,
    };
    this.flavor = junitFlavor(options.junit);
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    const root = this.vitest?.config.root ?? process.cwd();
    const tests = collectTests(modules, root);
    const info = runInfo(root);
    const dir = resolve(root, this.options.outputDir);
    const report = buildJsonReport(tests, info);
    await writeFileAtomic(join(dir, 'perf-results.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFileAtomic(
      join(dir, 'junit.xml'),
      buildJunitReport(tests, info, undefined, { flavor: this.flavor }),
    );
    if (this.options.html)
      await writeFileAtomic(join(dir, 'perf-report.html'), buildHtmlReport(report));
    if (this.options.summary) {
      const pattern = this.options.summaryFiles ? new RegExp(this.options.summaryFiles) : undefined;
      const text = summaryText(pattern ? tests.filter((t) => pattern.test(t.file)) : tests);
      if (text) (this.vitest?.logger ?? console).log(text);
    }
  }
}
