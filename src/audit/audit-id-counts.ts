/** An audited id's state against the ledger: not in it, sent without an answer, answered. */
export const NOT_SEEN = 0;
export const SENT = 1;
export const ANSWERED = 2;

/** Ids "<prefix><n>" of one prefix: records and ledger state by n. 5 bytes a request id. */
interface Numbered {
  prefix: string;
  counts: Uint32Array;
  states: Uint8Array;
  /** Numbers past the dense limit, 4 bytes each, until the ledger's length says where they go. */
  overflow: Uint32Array;
  overflowLength: number;
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
/** Largest number kept as a number (past it the id goes to the Map). */
const MAX_NUMBER = 0xffff_ffff;
/** Prefixes given dense arrays (a run has one); ids of further prefixes go to the Map. */
const MAX_PREFIXES = 8;

/**
 * Audit records counted by request id in typed arrays rather than a Map of id strings: this
 * run's ids are its prefix and a sequence number, so a count and a ledger state per number
 * take 5 bytes a request instead of ≈ 100 for a Map entry and its string. The audit join over
 * a million requests then holds a few MB whatever the audit source hands over, one id at a
 * time. Ids of another form are kept in a Map (there are none in a healthy trail).
 * Counted before the ledger's length is known (an audit source reading its pages), numbers past
 * the dense limit wait in a list of 4 bytes each until fitLedger() places them.
 * Iterating it yields every audit record's id (an id as often as it was counted).
 */
export class AuditIdCounts implements Iterable<string> {
  private readonly numbered: Numbered[] = [];
  private readonly other = new Map<string, Other>();
  private denseLimit: number;
  /** Set by slot(): where the id's number went. */
  private hit: Numbered | undefined;
  /** Audit records counted. */
  records = 0;
  /** Pages (or cursor batches) handed over with addPage(). */
  pages = 0;
  /** Most ids a source held at once: the largest page handed over with addPage(). */
  largestPageIds = 0;

  /** Ids kept as strings in the Map (not prefix + number, or a number past the dense range). */
  get unnumberedIds(): number {
    return this.other.size;
  }

  /** `ledgerLength`: requests in the ledger, when known (bounds the dense arrays). */
  constructor(ledgerLength = 0) {
    this.denseLimit = Math.max(MIN_DENSE_LIMIT, 2 * ledgerLength);
  }

  /** Count one audit record of `id`. */
  add(id: string): void {
    this.records++;
    const n = this.slot(id, true);
    if (n >= 0) this.hit!.counts[n]++;
    else if (n === OVERFLOW) pushOverflow(this.hit!, Number(id.slice(this.hit!.prefix.length)));
    else this.addOther(id, 1);
  }

  /** Count one page of a source's ids (the page may be dropped afterwards). */
  addPage(ids: readonly string[]): void {
    this.pages++;
    if (ids.length > this.largestPageIds) this.largestPageIds = ids.length;
    for (const id of ids) this.add(id);
  }

  /**
   * The ledger has `length` requests: widen the dense arrays to 2 × that, place the numbers
   * that waited past the old limit, and forget every ledger state (a new join starts).
   */
  fitLedger(length: number): void {
    this.denseLimit = Math.max(this.denseLimit, 2 * length);
    for (const h of this.numbered) {
      h.states.fill(NOT_SEEN);
      for (let i = 0; i < h.overflowLength; i++) {
        const n = h.overflow[i];
        if (n < this.denseLimit) {
          if (n >= h.counts.length) growTo(h, n, this.denseLimit);
          h.counts[n]++;
        } else this.addOther(h.prefix + n, 1);
      }
      h.overflow = new Uint32Array(0);
      h.overflowLength = 0;
    }
    for (const o of this.other.values()) o.state = NOT_SEEN;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const { id, count } of this.audited()) for (let i = 0; i < count; i++) yield id;
    for (const h of this.numbered)
      for (let i = 0; i < h.overflowLength; i++) yield h.prefix + h.overflow[i];
  }

  private addOther(id: string, count: number): void {
    const o = this.other.get(id);
    if (o) o.count += count;
    else this.other.set(id, { count, state: NOT_SEEN });
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

  /**
   * Index of `id`'s number in this.hit's arrays; OVERFLOW when it is a number of this.hit's
   * prefix past the dense limit (only when `grow`); -1 when it goes to the Map.
   */
  private slot(id: string, grow: boolean): number {
    let start = id.length;
    while (start > 0 && isDigit(id.charCodeAt(start - 1))) start--;
    const digits = id.length - start;
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && id.charCodeAt(start) === 48))
      return -1;
    const n = Number(id.slice(start));
    if (n > MAX_NUMBER) return -1;
    const h = this.numberedFor(id, start, grow);
    if (h === undefined) return -1;
    if (n >= this.denseLimit) {
      this.hit = h;
      return grow ? OVERFLOW : -1;
    }
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
    const h = {
      prefix,
      counts: new Uint32Array(0),
      states: new Uint8Array(0),
      overflow: new Uint32Array(0),
      overflowLength: 0,
    };
    this.numbered.push(h);
    return h;
  }
}

/** slot(): the number waits in the overflow list. */
const OVERFLOW = -2;

/** Append `n` to h's overflow list (doubling). */
function pushOverflow(h: Numbered, n: number): void {
  if (h.overflowLength === h.overflow.length) {
    const grown = new Uint32Array(Math.max(1024, 2 * h.overflow.length));
    grown.set(h.overflow);
    h.overflow = grown;
  }
  h.overflow[h.overflowLength++] = n;
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
