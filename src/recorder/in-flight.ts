/** One sent request, from begin() to end() or cancellation. */
export interface Ticket {
  readonly seq: number;
  /** The request id sent in the id header. */
  readonly id: string;
  readonly scenario: string;
  readonly phase: string | undefined;
  /** performance.now() the latency is measured from: the actual send (closed) or the intended send (open). */
  readonly fromMs: number;
  done: boolean;
}

/** The recorder's ticket: the id is built on first read; prev/next link the in-flight tickets. */
export class InFlightTicket implements Ticket {
  prev: InFlightTicket | undefined = undefined;
  next: InFlightTicket | undefined = undefined;
  done = false;
  private idText: string | undefined = undefined;

  constructor(
    private readonly idPrefix: string,
    readonly seq: number,
    readonly scenario: string,
    readonly phase: string | undefined,
    readonly fromMs: number,
  ) {}

  get id(): string {
    return this.idText ?? (this.idText = this.idPrefix + this.seq);
  }
}

/**
 * Tickets in flight, oldest first: a list linked through the tickets themselves, so sending
 * and ending a request costs no Set or Map operation (this is the request loop's hot path).
 */
export class InFlightList {
  private head: InFlightTicket | undefined;
  private tail: InFlightTicket | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(ticket: InFlightTicket): void {
    const tail = this.tail;
    if (tail === undefined) this.head = ticket;
    else {
      tail.next = ticket;
      ticket.prev = tail;
    }
    this.tail = ticket;
    this.count++;
  }

  remove(ticket: InFlightTicket): void {
    const { prev, next } = ticket;
    if (prev === undefined) this.head = next;
    else prev.next = next;
    if (next === undefined) this.tail = prev;
    else next.prev = prev;
    ticket.prev = ticket.next = undefined;
    this.count--;
  }

  /** Empty the list, yielding every ticket oldest first. */
  *drain(): Generator<InFlightTicket> {
    let ticket = this.head;
    this.head = this.tail = undefined;
    this.count = 0;
    while (ticket !== undefined) {
      const next = ticket.next;
      ticket.prev = ticket.next = undefined;
      yield ticket;
      ticket = next;
    }
  }
}
