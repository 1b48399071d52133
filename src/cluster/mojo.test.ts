import { describe, expect, it } from 'vitest';
import { maxMojoDistance, mojoDistance, mojoFm } from './mojo.js';

const partition = (groups: string[][]) => new Map(groups.flatMap((group, index) => group.map((item) => [item, `g${index}`] as const)));

describe('MoJo distance and MoJoFM', () => {
  it('needs only moves when A has fewer clusters than B', () => {
    // A = {1,2,3}{4,5,6}, B = {1,2}{3,4}{5,6}. A1 tags B1 (2 of 3), A2 tags B3 (2 of 3); matching 2.
    // moves = (3−2) + (3−2) = 2, joins = 2 − 2 = 0 → mno = 2 (move 3 and 4 into a new cluster).
    // max: B sizes 2,2,2 → g = 1, 2, 2 → 2; max mno = 6 − 2 = 4 → MoJoFM = (1 − 2/4)·100 = 50
    const a = partition([['1', '2', '3'], ['4', '5', '6']]);
    const b = partition([['1', '2'], ['3', '4'], ['5', '6']]);
    expect(mojoDistance(a, b)).toBe(2);
    expect(maxMojoDistance(b, a.keys())).toBe(4);
    expect(mojoFm(a, b)).toBe(50);
  });
  it('needs only joins when A splits B groups', () => {
    // A = {1,2}{3,4}{5,6}, B = {1,2,3,4}{5,6}: A1 and A2 both tag B1, A3 tags B2; matching 2 (one of A1/A2 left).
    // moves 0, joins 3 − 2 = 1 → mno = 1; max: sizes 2,4 → g = 2 → 6 − 2 = 4 → MoJoFM = 75
    const a = partition([['1', '2'], ['3', '4'], ['5', '6']]);
    const b = partition([['1', '2', '3', '4'], ['5', '6']]);
    expect(mojoDistance(a, b)).toBe(1);
    expect(mojoFm(a, b)).toBe(75);
  });
  it('uses the matching to share out tied clusters', () => {
    // A = {1,2}{3,4}, B = {1,3}{2,4}: each A cluster ties on both groups; the matching gives one each.
    // moves 1 + 1 = 2, joins 0 → mno 2; max: sizes 2,2 → g = 2 → 4 − 2 = 2 → MoJoFM = 0
    const a = partition([['1', '2'], ['3', '4']]);
    const b = partition([['1', '3'], ['2', '4']]);
    expect(mojoDistance(a, b)).toBe(2);
    expect(mojoFm(a, b)).toBe(0);
  });
  it('is 100 for the same partition under other names, and ignores items only one side has', () => {
    const a = partition([['x', 'y'], ['z'], ['only-a']]);
    const b = new Map([['x', 'p'], ['y', 'p'], ['z', 'q'], ['only-b', 'r']]);
    expect(mojoDistance(a, b)).toBe(0);
    expect(mojoFm(a, b)).toBe(100);
  });
  it('is asymmetric: the reference decides the maximum', () => {
    // A = one cluster {1..4}, B = four singletons: moves 4 − 1 = 3, joins 0 → mno 3; max: sizes 1,1,1,1 → g = 1 → 3 → 0.
    // Reversed: A = singletons, B = one group: moves 0, joins 4 − 1 = 3 → mno 3; max: size 4 → g = 1 → 3 → 0.
    // A = one cluster, B = {1,2}{3,4}: moves 4 − 2 = 2, joins 0 → 2; max: sizes 2,2 → g = 2 → 4 − 2 = 2 → MoJoFM 0.
    // A = {1,2}{3,4}, B = one group: moves 0, joins 2 − 1 = 1 → 1; max: size 4 → g = 1 → 3 → (1 − 1/3)·100 ≈ 66.7.
    const one = partition([['1', '2', '3', '4']]);
    const singles = partition([['1'], ['2'], ['3'], ['4']]);
    expect(mojoDistance(one, singles)).toBe(3);
    expect(mojoDistance(singles, one)).toBe(3);
    const pairs = partition([['1', '2'], ['3', '4']]);
    expect(mojoFm(one, pairs)).toBe(0);
    expect(mojoFm(pairs, one)).toBeCloseTo((1 - 1 / 3) * 100, 10);
  });
});
