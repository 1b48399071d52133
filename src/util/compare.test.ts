import { describe, expect, it } from 'vitest';
import { compareStrings, sortedUnique } from './compare.js';
import { seededRandom } from './rng.js';

describe('util', () => {
  it('orders strings by code unit, not by locale', () => {
    expect(['b', 'B', 'a', '_'].sort(compareStrings)).toEqual(['B', '_', 'a', 'b']);
    expect(sortedUnique(['b', 'a', 'b'])).toEqual(['a', 'b']);
  });

  it('gives the same random sequence for the same seed, another for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
