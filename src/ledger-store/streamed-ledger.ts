import type { LedgerEntry, RunLedger } from '../contracts/run-result.js';

/**
 * The array methods of RunLedger over any one-pass iterable of entries: each call is one pass,
 * one chunk in memory at a time; only what the callback returns is kept. toJSON gives the
 * array (so JSON.stringify of a result builds every entry: for small runs and split files).
 */
export abstract class StreamedLedger implements RunLedger {
  abstract readonly length: number;
  abstract [Symbol.iterator](): Iterator<LedgerEntry>;

  filter(predicate: (entry: LedgerEntry, index: number) => unknown): LedgerEntry[] {
    const out: LedgerEntry[] = [];
    this.forEach((entry, i) => {
      if (predicate(entry, i)) out.push(entry);
    });
    return out;
  }

  map<U>(fn: (entry: LedgerEntry, index: number) => U): U[] {
    const out: U[] = [];
    this.forEach((entry, i) => out.push(fn(entry, i)));
    return out;
  }

  flatMap<U>(fn: (entry: LedgerEntry, index: number) => U | readonly U[]): U[] {
    const out: U[] = [];
    this.forEach((entry, i) => {
      const value = fn(entry, i);
      if (Array.isArray(value)) out.push(...(value as U[]));
      else out.push(value as U);
    });
    return out;
  }

  some(predicate: (entry: LedgerEntry, index: number) => unknown): boolean {
    return this.find(predicate) !== undefined;
  }

  every(predicate: (entry: LedgerEntry, index: number) => unknown): boolean {
    return this.find((entry, i) => !predicate(entry, i)) === undefined;
  }

  find(predicate: (entry: LedgerEntry, index: number) => unknown): LedgerEntry | undefined {
    let i = 0;
    for (const entry of this) if (predicate(entry, i++)) return entry;
    return undefined;
  }

  forEach(fn: (entry: LedgerEntry, index: number) => void): void {
    let i = 0;
    for (const entry of this) fn(entry, i++);
  }

  /** Every entry as one array (≈ 200 bytes an entry: for small runs). */
  toArray(): LedgerEntry[] {
    return [...this];
  }

  toJSON(): LedgerEntry[] {
    return this.toArray();
  }
}
