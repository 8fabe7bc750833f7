import { performance } from 'node:perf_hooks';

/** An item of a TimeoutQueue: the queue links it in place (no node object per item). */
export interface Expiring<T> {
  /** performance.now() ms at which it expires; set by the queue. */
  deadlineMs: number;
  prev: T | undefined;
  next: T | undefined;
}

/**
 * Timeouts that all have the same length expire in the order they were added: a FIFO list and
 * one timer, armed for the oldest item's deadline, replace a setTimeout/clearTimeout per item.
 * Removing an item is O(1) and leaves the timer alone; when it fires early (its item is gone) it
 * re-arms for the new oldest. Items that expire are removed and handed to `expire`.
 */
export class TimeoutQueue<T extends Expiring<T>> {
  private head: T | undefined;
  private tail: T | undefined;
  private timer: NodeJS.Timeout | undefined;
  private armedForMs = Infinity;
  private size = 0;

  /** `nowMs` is the clock of add()'s times (tests inject one). */
  constructor(
    private readonly timeoutMs: number,
    private readonly expire: (item: T) => void,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Items queued. */
  get length(): number {
    return this.size;
  }

  /** Queue `item`, added at `nowMs` (performance.now()): it expires at nowMs + timeoutMs. */
  add(item: T, nowMs: number): void {
    item.deadlineMs = nowMs + this.timeoutMs;
    item.next = undefined;
    item.prev = this.tail;
    if (this.tail) this.tail.next = item;
    else this.head = item;
    this.tail = item;
    this.size++;
    if (this.timer === undefined) this.arm(item.deadlineMs, nowMs);
  }

  /** Take `item` out (a no-op when it is not queued). */
  remove(item: T): void {
    if (item.prev === undefined && this.head !== item) return;
    if (item.prev) item.prev.next = item.next;
    else this.head = item.next;
    if (item.next) item.next.prev = item.prev;
    else this.tail = item.prev;
    item.prev = item.next = undefined;
    this.size--;
  }

  /** Empty the queue without expiring anything (and stop the timer); returns what it held. */
  drain(): T[] {
    const items: T[] = [];
    for (let item = this.head; item; item = item.next) items.push(item);
    for (const item of items) item.prev = item.next = undefined;
    this.head = this.tail = undefined;
    this.size = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    return items;
  }

  private arm(deadlineMs: number, nowMs: number): void {
    this.armedForMs = deadlineMs;
    this.timer = setTimeout(() => this.fire(), Math.max(0, deadlineMs - nowMs));
  }

  private fire(): void {
    this.timer = undefined;
    const nowMs = this.nowMs();
    // setTimeout may fire up to ~1 ms before the deadline it was armed for: count that as due.
    const dueMs = Math.max(nowMs, this.armedForMs);
    while (this.head && this.head.deadlineMs <= dueMs) {
      const item = this.head;
      this.remove(item);
      this.expire(item);
    }
    if (this.head && this.timer === undefined) this.arm(this.head.deadlineMs, nowMs);
  }
}
