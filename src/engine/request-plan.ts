import type { ResolvedLoadOptions, ResolvedScenario } from '../options/load-options.js';
import { createRandom } from './random.js';

/** A request ready to send: absolute path, all headers (id included), serialised body. */
export interface PlannedRequest {
  method: string;
  /** Path below the origin, including the target's own base path. */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Picks scenarios by weight (seeded) and builds each request with its id header and body. */
export class RequestPlan {
  readonly origin: string;
  private readonly basePath: string;
  private readonly cumulative: number[];
  private readonly totalWeight: number;
  private readonly random: () => number;
  private readonly staticBodies = new Map<ResolvedScenario, string | undefined>();

  constructor(private readonly options: ResolvedLoadOptions, seed = options.seed) {
    this.origin = options.target.origin;
    this.basePath = options.target.pathname.replace(/\/+$/, '');
    this.random = createRandom(seed);
    let sum = 0;
    this.cumulative = options.scenarios.map((s) => (sum += s.weight));
    this.totalWeight = sum;
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
    if (scenarios.length === 1) return scenarios[0];
    const x = this.random() * this.totalWeight;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < this.cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    return scenarios[lo];
  }

  /** Build the request for `scenario` carrying `requestId`. A throwing body function throws here. */
  build(scenario: ResolvedScenario, requestId: string): PlannedRequest {
    const body = typeof scenario.body === 'function'
      ? serialise(scenario.body({ requestId, scenario: scenario.name }))
      : this.staticBodies.get(scenario);
    const headers: Record<string, string> = { ...this.options.headers, ...scenario.headers };
    if (body !== undefined && headers['content-type'] === undefined) {
      headers['content-type'] = isJsonBody(scenario, body) ? 'application/json' : 'text/plain; charset=utf-8';
    }
    headers[this.options.requestIdHeader] = requestId;
    return { method: scenario.method, path: this.basePath + scenario.path, headers, body };
  }
}

function serialise(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function isJsonBody(scenario: ResolvedScenario, body: string): boolean {
  if (typeof scenario.body === 'object') return true;
  const first = body.trimStart()[0];
  return first === '{' || first === '[';
}
