/**
 * Define `object[key]` as an enumerable property computed on first read and then kept as a
 * plain data property. JSON.stringify, spreads and reads see an ordinary value; code that
 * never reads it (Object.keys, the reporter's summaries) never pays for building it.
 */
export function defineLazy<T extends object, K extends PropertyKey, V>(
  object: T,
  key: K,
  compute: () => V,
): void {
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(object, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return value;
    },
    set(value: V) {
      Object.defineProperty(object, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    },
  });
}
