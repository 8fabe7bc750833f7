import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TimeoutQueue, type Expiring } from '../../src/journeys/timeout-queue.js';

class Item implements Expiring<Item> {
  deadlineMs = 0;
  prev: Item | undefined;
  next: Item | undefined;
  constructor(readonly name: string) {}
}

describe('TimeoutQueue: same-length timeouts on one timer', () => {
  let clockMs = 0;
  let expired: Array<[string, number]>;
  let queue: TimeoutQueue<Item>;
  beforeEach(() => {
    vi.useFakeTimers();
    clockMs = 0;
    expired = [];
    queue = new TimeoutQueue<Item>(
      100,
      (item) => expired.push([item.name, clockMs]),
      () => clockMs,
    );
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    for (let i = 0; i < ms; i++) {
      clockMs++;
      vi.advanceTimersByTime(1);
    }
  };

  test('items expire in order, each at its own deadline, with one timer for all', () => {
    const items = ['a', 'b', 'c'].map((name) => new Item(name));
    queue.add(items[0], clockMs);
    advance(10);
    queue.add(items[1], clockMs);
    advance(30);
    queue.add(items[2], clockMs);
    expect(vi.getTimerCount()).toBe(1);
    advance(200);
    expect(expired).toEqual([
      ['a', 100],
      ['b', 110],
      ['c', 140],
    ]);
    expect(queue.length).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a removed item never expires; removing the oldest does not make the next expire early', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => new Item(name));
    queue.add(a, clockMs);
    advance(50);
    queue.add(b, clockMs);
    queue.add(c, clockMs);
    queue.remove(a);
    queue.remove(c);
    queue.remove(c); // twice: a no-op
    advance(200);
    expect(expired).toEqual([['b', 150]]);
    expect(queue.length).toBe(0);
  });

  test('drain hands back what is queued, expires nothing and stops the timer', () => {
    const [a, b] = ['a', 'b'].map((name) => new Item(name));
    queue.add(a, clockMs);
    queue.add(b, clockMs);
    expect(queue.drain()).toEqual([a, b]);
    expect(vi.getTimerCount()).toBe(0);
    advance(200);
    expect(expired).toEqual([]);
    queue.remove(a); // after drain: a no-op
    expect(queue.length).toBe(0);
  });
});
