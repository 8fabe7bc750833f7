import type { ResolvedScenario } from '../options/load-options.js';
import type { BodyKind, RequestPlan } from './request-plan.js';

const CRLF = '\r\n';
const END_OF_HEADERS = Buffer.from(CRLF + CRLF, 'latin1');

/**
 * The fixed bytes of one scenario's requests. A head is the request line, Host, Connection, the
 * headers, then `<id header>: `; a static body's tail is `\r\nContent-Length: n\r\n\r\n` + body.
 * A body function's requests get a head per body kind (the default content-type differs).
 */
type Template =
  | { static: true; head: Buffer; tail: Buffer }
  | { static: false; heads: Partial<Record<BodyKind, Buffer>> };

/**
 * Writes whole HTTP/1.1 requests as bytes for the autocannon driver, which sends them as they
 * are (autocannon's generic per-request builder cost as much CPU as the rest of a request).
 * Per scenario the request line and headers are encoded once; per request only the id and,
 * for a body function, the body and its Content-Length are new. The headers are the plan's,
 * in the same order as autocannon wrote them: Host (unless set), Connection: keep-alive,
 * global and scenario headers, content-type, the id header, Content-Length.
 */
export class RequestBytes {
  private readonly templates = new Map<ResolvedScenario, Template>();
  private readonly host: string;
  /** Sent in place of a request whose body function threw: that request has already ended as an error. */
  readonly fallback: Buffer;

  private readonly idPrefix: Buffer | undefined;

  /** `idPrefix`: the request ids' prefix, for buildNumbered(). */
  constructor(
    private readonly plan: RequestPlan,
    idPrefix?: string,
  ) {
    this.idPrefix = idPrefix === undefined ? undefined : Buffer.from(idPrefix, 'latin1');
    this.host = new URL(plan.origin).host;
    this.fallback = Buffer.from(
      `GET / HTTP/1.1${CRLF}Host: ${this.host}${CRLF}Connection: keep-alive${CRLF}${CRLF}`,
      'latin1',
    );
  }

  /**
   * build() for the id `idPrefix + seq` (the prefix given to the constructor): a static body's
   * request is written without making the id string; `request.id` is read only when a body function needs it.
   */
  buildNumbered(
    scenario: ResolvedScenario,
    request: { readonly seq: number; readonly id: string },
  ): Buffer {
    const template = this.templates.get(scenario) ?? this.template(scenario);
    if (!template.static || this.idPrefix === undefined) return this.build(scenario, request.id);
    const seq = request.seq;
    const head = template.head;
    const prefix = this.idPrefix;
    const tail = template.tail;
    const digits = digitCount(seq);
    const out = Buffer.allocUnsafe(head.length + prefix.length + digits + tail.length);
    let at = head.copy(out, 0);
    at += prefix.copy(out, at);
    // The decimal digits of seq, as String(seq) would write them (seq is a positive integer).
    let n = seq;
    for (let i = at + digits - 1; i >= at; i--) {
      out[i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    at += digits;
    tail.copy(out, at);
    return out;
  }

  /**
   * The bytes of one request of `scenario` carrying `requestId` (printable ASCII). A throwing body
   * function throws here.
   */
  build(scenario: ResolvedScenario, requestId: string): Buffer {
    const template = this.templates.get(scenario) ?? this.template(scenario);
    if (template.static) return join(template.head, requestId, template.tail, undefined, 0);
    const body = this.plan.body(scenario, requestId);
    const kind = this.plan.bodyKind(scenario, body);
    const head = template.heads[kind] ?? (template.heads[kind] = this.head(scenario, kind));
    if (body === undefined) return join(head, requestId, END_OF_HEADERS, undefined, 0);
    const length = Buffer.byteLength(body);
    return join(head, requestId, contentLength(length), body, length);
  }

  private template(scenario: ResolvedScenario): Template {
    let template: Template;
    if (this.plan.hasStaticBody(scenario)) {
      const body = this.plan.body(scenario, '');
      const head = this.head(scenario, this.plan.bodyKind(scenario, body));
      if (body === undefined) template = { static: true, head, tail: END_OF_HEADERS };
      else {
        const bytes = Buffer.from(body);
        template = {
          static: true,
          head,
          tail: Buffer.concat([contentLength(bytes.length), bytes]),
        };
      }
    } else {
      template = { static: false, heads: {} };
    }
    this.templates.set(scenario, template);
    return template;
  }

  private head(scenario: ResolvedScenario, kind: BodyKind): Buffer {
    const headers = this.plan.headers(scenario, kind);
    const lines = [`${scenario.method} ${this.plan.path(scenario)} HTTP/1.1`];
    if (headers.host === undefined) lines.push(`Host: ${this.host}`);
    lines.push('Connection: keep-alive');
    for (const [name, value] of Object.entries(headers)) {
      // Ours is written after the id, from the body actually sent.
      if (kind !== 'none' && name === 'content-length') continue;
      lines.push(`${name}: ${value}`);
    }
    lines.push(`${this.plan.idHeader}: `);
    // Header values are Latin-1 (validated): one byte per character, as undici sends them.
    return Buffer.from(lines.join(CRLF), 'latin1');
  }
}

/** The end of the id header line, the Content-Length header and the end of the headers. */
function contentLength(bytes: number): Buffer {
  return Buffer.from(`${CRLF}Content-Length: ${bytes}${CRLF}${CRLF}`, 'latin1');
}

/** head + id + tail (+ a body of `bodyBytes` UTF-8 bytes) in one buffer. */
function join(
  head: Buffer,
  id: string,
  tail: Buffer,
  body: string | undefined,
  bodyBytes: number,
): Buffer {
  const out = Buffer.allocUnsafe(head.length + id.length + tail.length + bodyBytes);
  let at = head.copy(out, 0);
  at += out.write(id, at, 'latin1');
  at += tail.copy(out, at);
  if (body !== undefined) out.write(body, at, 'utf8');
  return out;
}

/** Number of decimal digits of a positive integer below 2^53. */
function digitCount(n: number): number {
  let digits = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    digits++;
  }
  return digits;
}
