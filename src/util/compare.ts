/** Locale-independent string order: output must not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}

export function byKey<T>(key: (value: T) => string): (a: T, b: T) => number {
  return (a, b) => compareStrings(key(a), key(b));
}
