/** An audited id's state against the ledger: not in it, sent without an answer, answered. */
export const NOT_SEEN = 0;
export const SENT = 1;
export const ANSWERED = 2;

/** Ids "<prefix><n>" of one prefix: records and ledger state by n. 5 bytes a request id. */
interface Numbered {
  prefix: string;
  counts: Uint32Array;
  states: Uint8Array;
}

/** Anything else (ids that are not prefix + plain number, numbers past the dense range). */
interface Other {
  count: number;
  state: number;
}

/** Numbers below this always go in the dense arrays (4 MB of them); past it only up to 2 × the ledger's length. */
const MIN_DENSE_LIMIT = 1 << 20;
/** A number has at most this many digits (2^32 - 1 has 10). */
const MAX_DIGITS = 10;
/** Prefixes given dense arrays (a run has one); ids of further prefixes go to the Map. */
const MAX_PREFIXES = 8;

/**
 * Audit records counted by request id in typed arrays rather than a Map of id strings: this
 * run's ids are its prefix and a sequence number, so a count and a ledger state per number
 * take 5 bytes a request instead of ≈ 100 for a Map entry and its string. The audit join over
 * a million requests then holds a few MB whatever the audit source hands over, one id at a
 * time. Ids of another form are kept in a Map (there are none in a healthy trail).
 */
export class AuditIdCounts {
  private readonly numbered: Numbered[] = [];
  private readonly other = new Map<string, Other>();
  private readonly denseLimit: number;
  /** Set by slot(): where the id's number went. */
  private hit: Numbered | undefined;

  /** `ledgerLength`: requests in the ledger, when known (bounds the dense arrays). */
  constructor(ledgerLength = 0) {
    this.denseLimit = Math.max(MIN_DENSE_LIMIT, 2 * ledgerLength);
  }

  /** Count one audit record of `id`. */
  add(id: string): void {
    const n = this.slot(id, true);
    if (n >= 0) this.hit!.counts[n]++;
    else {
      const o = this.other.get(id);
      if (o) o.count++;
      else this.other.set(id, { count: 1, state: NOT_SEEN });
    }
  }

  /**
   * The ledger has `id` (answered or not): records it and returns how many audit records it
   * has (0: none).
   */
  see(id: string, answered: boolean): number {
    const state = answered ? ANSWERED : SENT;
    const n = this.slot(id, false);
    if (n >= 0) {
      const h = this.hit!;
      if (h.counts[n] > 0 && h.states[n] < state) h.states[n] = state;
      return h.counts[n];
    }
    const o = this.other.get(id);
    if (o && o.state < state) o.state = state;
    return o?.count ?? 0;
  }

  /** Every audited id with its record count and state: numbered ones by number, then the rest. */
  *audited(): Generator<{ id: string; count: number; state: number }> {
    for (const { prefix, counts, states } of this.numbered) {
      for (let n = 0; n < counts.length; n++)
        if (counts[n] > 0) yield { id: prefix + n, count: counts[n], state: states[n] };
    }
    for (const [id, o] of this.other) yield { id, count: o.count, state: o.state };
  }

  /** Index of `id`'s number in this.hit's arrays, or -1 when it goes to the Map. */
  private slot(id: string, grow: boolean): number {
    let start = id.length;
    while (start > 0 && isDigit(id.charCodeAt(start - 1))) start--;
    const digits = id.length - start;
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && id.charCodeAt(start) === 48))
      return -1;
    const n = Number(id.slice(start));
    if (n >= this.denseLimit) return -1;
    const h = this.numberedFor(id, start, grow);
    if (h === undefined) return -1;
    if (n >= h.counts.length) {
      if (!grow) return -1;
      growTo(h, n, this.denseLimit);
    }
    this.hit = h;
    return n;
  }

  private numberedFor(id: string, prefixLength: number, create: boolean): Numbered | undefined {
    // Almost always the one prefix of the run: checked without slicing the id.
    for (const h of this.numbered) {
      if (h.prefix.length === prefixLength && id.startsWith(h.prefix)) return h;
    }
    if (!create || this.numbered.length >= MAX_PREFIXES) return undefined;
    const prefix = id.slice(0, prefixLength);
    const h = { prefix, counts: new Uint32Array(0), states: new Uint8Array(0) };
    this.numbered.push(h);
    return h;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Make room for number `n` (doubling, so a run's ids cost amortised O(1) each; never past `limit`). */
function growTo(h: Numbered, n: number, limit: number): void {
  const size = Math.min(limit, Math.max(1024, 2 ** Math.ceil(Math.log2(n + 1))));
  const counts = new Uint32Array(size);
  counts.set(h.counts);
  const states = new Uint8Array(size);
  states.set(h.states);
  h.counts = counts;
  h.states = states;
}
