import type { StepResponse } from '../contracts/journeys.js';

/**
 * A step's answer. The body stays as the chunks undici handed over: it is decoded to text on
 * the first read of `text` and parsed as JSON on the first read of `json` (most steps read
 * neither: a status capture, a header, no check).
 */
export class ReadResponse implements StepResponse {
  private decoded: string | undefined;
  private parsed: { value: unknown } | undefined;

  constructor(
    readonly status: number,
    readonly headers: Record<string, string | string[] | undefined>,
    /** The body: one chunk, several, or none (undefined). */
    private readonly chunks: Buffer | readonly Buffer[] | undefined,
  ) {}

  get text(): string {
    if (this.decoded !== undefined) return this.decoded;
    const { chunks } = this;
    const text =
      chunks === undefined
        ? ''
        : Buffer.isBuffer(chunks)
          ? chunks.toString('utf8')
          : Buffer.concat(chunks as readonly Buffer[]).toString('utf8');
    return (this.decoded = text);
  }

  get json(): unknown {
    if (this.parsed) return this.parsed.value;
    let value: unknown;
    try {
      value = JSON.parse(this.text);
    } catch {
      value = undefined;
    }
    this.parsed = { value };
    return value;
  }
}
