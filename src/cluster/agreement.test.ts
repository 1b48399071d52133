import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './agreement.js';

const partition = (groups: string[][]) => new Map(groups.flatMap((group, index) => group.map((item) => [item, `g${index}`] as const)));

describe('adjustedRandIndex', () => {
  it('is 1 for identical partitions, whatever the labels', () => {
    expect(adjustedRandIndex(partition([['a', 'b'], ['c', 'd']]), partition([['c', 'd'], ['a', 'b']]))).toBe(1);
  });

  it('matches a hand-computed value', () => {
    // a = {1,2,3}{4,5,6}, b = {1,2}{3,4}{5,6}: pairs together in both = 2 ({1,2}, {5,6}),
    // rows Σ C(3,2)·2 = 6, cols Σ C(2,2)·3 = 3, expected 6·3/C(6,2) = 1.2, max (6+3)/2 = 4.5
    const value = adjustedRandIndex(partition([['1', '2', '3'], ['4', '5', '6']]), partition([['1', '2'], ['3', '4'], ['5', '6']]));
    expect(value).toBeCloseTo((2 - 1.2) / (4.5 - 1.2), 10);
  });

  it('is below zero when the partitions cross each other', () => {
    expect(adjustedRandIndex(partition([['a', 'b'], ['c', 'd']]), partition([['a', 'c'], ['b', 'd']]))).toBeLessThan(0);
  });
});
