import type { ResolvedLoadOptions, ResolvedScenario } from '../options/load-options.js';
import { createRandom } from '../random/random.js';
import { createWeightedPick } from '../random/weighted-pick.js';

/** A request ready to send: absolute path, all headers (id included), serialised body. */
export interface PlannedRequest {
  method: string;
  /** Path below the origin, including the target's own base path. */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** What a serialised body looks like, which decides the content-type it gets by default. */
export type BodyKind = 'none' | 'json' | 'text';

const DEFAULT_CONTENT_TYPE = {
  json: 'application/json',
  text: 'text/plain; charset=utf-8',
} as const;

/**
 * Picks scenarios by weight (seeded) and builds each request with its id header and body.
 * The undici drivers take whole requests from build(); the autocannon driver writes the bytes
 * itself (request-bytes.ts) from the same pieces: path(), body(), bodyKind() and headers().
 */
export class RequestPlan {
  readonly origin: string;
  /** Name of the header carrying each request's id (lower case). */
  readonly idHeader: string;
  private readonly basePath: string;
  /** The target's query string without '?': kept on every request, after the scenario's own. */
  private readonly query: string;
  private readonly pickIndex: () => number;
  private readonly staticBodies = new Map<ResolvedScenario, string | undefined>();
  private readonly headerSets = new Map<
    ResolvedScenario,
    Partial<Record<BodyKind, Readonly<Record<string, string>>>>
  >();

  constructor(
    private readonly options: ResolvedLoadOptions,
    seed = options.seed,
  ) {
    this.origin = options.target.origin;
    this.idHeader = options.requestIdHeader.toLowerCase();
    this.basePath = options.target.pathname.replace(/\/+$/, '');
    this.query = options.target.search.slice(1);
    this.pickIndex = createWeightedPick(
      options.scenarios.map((s) => s.weight),
      createRandom(seed),
    );
    for (const s of options.scenarios) {
      if (typeof s.body !== 'function') this.staticBodies.set(s, serialise(s.body));
    }
  }

  get scenarios(): readonly ResolvedScenario[] {
    return this.options.scenarios;
  }

  /** A scenario chosen with probability weight / total weight. */
  pick(): ResolvedScenario {
    const scenarios = this.options.scenarios;
    // One scenario: no draw, so the other seeded streams see the same sequence as before.
    if (scenarios.length === 1) return scenarios[0];
    return scenarios[this.pickIndex()];
  }

  /** Path below the origin: the target's base path, then the scenario's, then the target's query string. */
  path(scenario: ResolvedScenario): string {
    return withQuery(this.basePath + scenario.path, this.query);
  }

  /** True when every request of `scenario` has the same body (no body function). */
  hasStaticBody(scenario: ResolvedScenario): boolean {
    return typeof scenario.body !== 'function';
  }

  /** The serialised body of one request; calls a body function (which may throw) with `{ requestId, scenario }`. */
  body(scenario: ResolvedScenario, requestId: string): string | undefined {
    return typeof scenario.body === 'function'
      ? serialise(scenario.body({ requestId, scenario: scenario.name }))
      : this.staticBodies.get(scenario);
  }

  /** Which default content-type `body` calls for: objects and strings starting with { or [ are JSON. */
  bodyKind(scenario: ResolvedScenario, body: string | undefined): BodyKind {
    if (body === undefined) return 'none';
    return isJsonBody(scenario, body) ? 'json' : 'text';
  }

  /**
   * The headers of a request of `scenario` with a body of `kind`, without the id header:
   * the global headers, the scenario's over them, then a content-type when a body has none.
   * Cached per scenario and kind; do not modify the returned object.
   */
  headers(scenario: ResolvedScenario, kind: BodyKind): Readonly<Record<string, string>> {
    let sets = this.headerSets.get(scenario);
    if (!sets) this.headerSets.set(scenario, (sets = {}));
    let headers = sets[kind];
    if (!headers) {
      const h: Record<string, string> = { ...this.options.headers, ...scenario.headers };
      delete h[this.idHeader];
      if (kind !== 'none' && h['content-type'] === undefined)
        h['content-type'] = DEFAULT_CONTENT_TYPE[kind];
      sets[kind] = headers = h;
    }
    return headers;
  }

  /** Build the request for `scenario` carrying `requestId`. A throwing body function throws here. */
  build(scenario: ResolvedScenario, requestId: string): PlannedRequest {
    const body = this.body(scenario, requestId);
    const headers: Record<string, string> = {
      ...this.headers(scenario, this.bodyKind(scenario, body)),
    };
    headers[this.idHeader] = requestId;
    return { method: scenario.method, path: this.path(scenario), headers, body };
  }
}

function serialise(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body);
  } catch (error) {
    // A cycle or a BigInt in what a body function returned: one line, not V8's multi-line cycle drawing.
    throw new Error(
      `its result cannot be sent as JSON (${(error as Error).message.split('\n')[0]})`,
    );
  }
}

/** `path` with the target's query string (no '?') added to its own. */
function withQuery(path: string, query: string): string {
  if (query === '') return path;
  return path + (path.includes('?') ? '&' : '?') + query;
}

function isJsonBody(scenario: ResolvedScenario, body: string): boolean {
  if (typeof scenario.body === 'object') return true;
  const first = body.trimStart()[0];
  return first === '{' || first === '[';
}
