/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two partitions of the same items:
 * 1 for identical partitions, about 0 for random agreement, negative for worse than random.
 * Items present in only one partition are ignored.
 */
export function adjustedRandIndex(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const items = [...a.keys()].filter((item) => b.has(item));
  const n = items.length;
  if (n < 2) return 1;
  const pairs = (k: number): number => (k * (k - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const item of items) {
    const x = a.get(item)!;
    const y = b.get(item)!;
    const cell = `${x}\u0000${y}`;
    table.set(cell, (table.get(cell) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  }
  let index = 0;
  for (const count of table.values()) index += pairs(count);
  let sumRows = 0;
  for (const count of rows.values()) sumRows += pairs(count);
  let sumCols = 0;
  for (const count of cols.values()) sumCols += pairs(count);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1; // both partitions trivial (all singletons or one block)
  return (index - expected) / (max - expected);
}
