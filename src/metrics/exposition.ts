import { StressError } from '../errors.js';

/**
 * A parser for the Prometheus text exposition format, version 0.0.4 (what prom-client and
 * most exporters serve at /metrics). Written here because the one npm parser
 * (parse-prometheus-text-format 1.1.1) has no types, keeps values as strings and merges the
 * buckets of histogram series with different labels into one.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

/** One sample line: `name{labels} value [timestampMs]`. */
export interface MetricSample {
  /** The sample's own name, with any _bucket, _sum or _count suffix. */
  name: string;
  labels: Record<string, string>;
  /** May be NaN, Infinity or -Infinity. */
  value: number;
  /** Milliseconds since the epoch, when the line carried a timestamp. */
  timestampMs?: number;
}

/** A metric family: its HELP and TYPE and every sample belonging to it. */
export interface MetricFamily {
  name: string;
  type: MetricType;
  help?: string;
  samples: MetricSample[];
}

const TYPES: ReadonlySet<string> = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Record<string, number> = {
  nan: NaN,
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
};
const SUFFIXES: Record<string, readonly string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count'],
};

/**
 * Parse exposition text into metric families, in the order they first appear. Samples of a
 * histogram or summary (`x_bucket`, `x_sum`, `x_count`) go into family `x` when `x` was
 * declared with `# TYPE`. Throws StressError `ERR_STRESS_METRICS` naming the line for
 * malformed input, a second HELP or TYPE, or a TYPE after its samples — what promtool rejects.
 */
export function parseExposition(text: string): MetricFamily[] {
  const families = new Map<string, MetricFamily>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '').replace(/^[ \t]+/, '');
    if (line === '') continue;
    const fail = (why: string): never => {
      const shown = line.length > 120 ? `${line.slice(0, 117)}...` : line;
      throw new StressError('ERR_STRESS_METRICS', `metrics text line ${i + 1}: ${why}: ${shown}`);
    };
    if (line.startsWith('#')) {
      parseComment(line, families, fail);
      continue;
    }
    const sample = parseSampleLine(line, fail);
    familyOf(sample.name, families).samples.push(sample);
  }
  return [...families.values()];
}

function parseComment(
  line: string,
  families: Map<string, MetricFamily>,
  fail: (why: string) => never,
): void {
  const match = /^#[ \t]+(HELP|TYPE)[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(line);
  if (!match) return; // any other comment is ignored
  const [, keyword, name, rest = ''] = match;
  if (!METRIC_NAME.test(name) || METRIC_NAME.exec(name)![0] !== name)
    fail(`invalid metric name "${name}"`);
  let family = families.get(name);
  if (keyword === 'HELP') {
    if (family?.help !== undefined) fail(`second HELP for ${name}`);
    family ??= addFamily(families, name);
    family.help = unescapeText(rest, false, fail);
    return;
  }
  const type = rest.trim().toLowerCase();
  if (!TYPES.has(type)) fail(`unknown metric type "${type}"`);
  if (family && family.samples.length > 0) fail(`TYPE for ${name} after its samples`);
  if (family && family.type !== 'untyped') fail(`second TYPE for ${name}`);
  family ??= addFamily(families, name);
  family.type = type as MetricType;
}

function addFamily(families: Map<string, MetricFamily>, name: string): MetricFamily {
  const family: MetricFamily = { name, type: 'untyped', samples: [] };
  families.set(name, family);
  return family;
}

/** The family a sample belongs to: its own name, or a histogram/summary it is a part of. */
function familyOf(sampleName: string, families: Map<string, MetricFamily>): MetricFamily {
  const own = families.get(sampleName);
  if (own) return own;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!sampleName.endsWith(suffix)) continue;
    const base = families.get(sampleName.slice(0, -suffix.length));
    if (base && SUFFIXES[base.type]?.includes(suffix)) return base;
  }
  return addFamily(families, sampleName);
}

function parseSampleLine(line: string, fail: (why: string) => never): MetricSample {
  const nameMatch = METRIC_NAME.exec(line);
  if (!nameMatch) fail('expected a metric name');
  const name = nameMatch![0];
  let pos = name.length;
  const labels: Record<string, string> = {};
  const skipBlanks = () => {
    while (line[pos] === ' ' || line[pos] === '\t') pos++;
  };
  skipBlanks();
  if (line[pos] === '{') {
    pos++;
    skipBlanks();
    while (line[pos] !== '}') {
      const labelMatch = LABEL_NAME.exec(line.slice(pos));
      if (!labelMatch)
        fail(pos >= line.length ? 'unterminated label set' : 'expected a label name');
      const label = labelMatch![0];
      if (label in labels) fail(`label "${label}" given twice`);
      pos += label.length;
      skipBlanks();
      if (line[pos] !== '=') fail(`expected = after label "${label}"`);
      pos++;
      skipBlanks();
      if (line[pos] !== '"') fail(`expected a quoted value for label "${label}"`);
      pos++;
      let raw = '';
      while (pos < line.length && line[pos] !== '"') {
        if (line[pos] === '\\') raw += line[pos++];
        raw += line[pos++] ?? '';
      }
      if (pos >= line.length) fail(`unterminated value of label "${label}"`);
      pos++;
      labels[label] = unescapeText(raw, true, fail);
      skipBlanks();
      if (line[pos] === ',') {
        pos++;
        skipBlanks();
      } else if (line[pos] !== '}') {
        fail(
          pos >= line.length ? 'unterminated label set' : `expected , or } after label "${label}"`,
        );
      }
    }
    pos++;
  }
  const fields = line
    .slice(pos)
    .trim()
    .split(/[ \t]+/);
  if (fields[0] === '') fail('expected a value');
  if (fields.length > 2) fail('unexpected text after the timestamp');
  const value = parseValue(fields[0]);
  if (value === undefined) fail(`invalid value "${fields[0]}"`);
  const sample: MetricSample = { name, labels, value: value! };
  if (fields.length === 2) {
    if (!/^-?\d+$/.test(fields[1]))
      fail(`invalid timestamp "${fields[1]}" (integer milliseconds expected)`);
    sample.timestampMs = Number(fields[1]);
  }
  return sample;
}

/** A Go-style float: decimal or exponent notation, NaN, ±Inf. Undefined when it is not one. */
export function parseValue(text: string): number | undefined {
  if (FLOAT.test(text)) return Number(text);
  const special = SPECIAL[text.toLowerCase()];
  return special;
}

/**
 * HELP text knows `\\` and `\n`; label values also `\"`. Other escapes are errors in label values
 * and kept verbatim in HELP.
 */
function unescapeText(raw: string, isLabel: boolean, fail: (why: string) => never): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[++i];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === '"' && isLabel) out += '"';
    else if (isLabel) fail(`invalid escape \\${next ?? ''} in a label value`);
    else out += `\\${next ?? ''}`;
  }
  return out;
}

/**
 * The canonical key of a series: `name` without labels, else `name{a="x",b="y"}` with labels
 * sorted by name and values escaped as in the exposition format.
 */
export function seriesKey(name: string, labels: Record<string, string>): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return name;
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  return `${name}{${names.map((n) => `${n}="${escape(labels[n])}"`).join(',')}}`;
}
