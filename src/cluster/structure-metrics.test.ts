import { describe, expect, it } from 'vitest';
import { nonExtremeDistribution } from './size-metrics.js';
import { interCallPercentage, interfaceNumber, structuralModularity, type WeightedCall } from './structure-metrics.js';

/**
 * Two candidates A = {a1, a2, a3}, B = {b1, b2}; `x` is domain code outside every candidate.
 * Edges (call sites): a1→a2 (1), a2→a1 (1), a2→a3 (2), a3→a1 (1), a1→b1 (1), b1→b2 (3), b2→a2 (1),
 * a1→x (4), b1→b1 (2: a self-call).
 */
const groups = [
  ['a1', 'a2', 'a3'],
  ['b1', 'b2'],
];
const call = (from: string, to: string, weight: number): WeightedCall => ({ from, to, weight });
const calls = [
  call('a1', 'a2', 1),
  call('a2', 'a1', 1),
  call('a2', 'a3', 2),
  call('a3', 'a1', 1),
  call('a1', 'b1', 1),
  call('b1', 'b2', 3),
  call('b2', 'a2', 1),
  call('a1', 'x', 4),
  call('b1', 'b1', 2),
];

describe('structural modularity', () => {
  it('matches the hand computation', () => {
    // μ_A = 3 linked pairs ({a1,a2} counted once for both directions, {a2,a3}, {a1,a3}), N_A = 3 → 3/9
    // μ_B = 1 ({b1,b2}), N_B = 2 → 1/4; σ_AB = 2 ({a1,b1}, {a2,b2}) → 2/(2·3·2) = 1/6
    // SM = (1/2)(1/3 + 1/4) − (1/(2·1/2))·(1/6) = 7/24 − 4/24 = 1/8
    expect(structuralModularity(groups, calls)).toBeCloseTo(1 / 8, 12);
  });
  it('has no coupling term for one candidate', () => {
    // all five symbols in one group: μ = 3 + 1 + 2 = 6 pairs, N = 5 → 6/25
    expect(structuralModularity([groups.flat()], calls)).toBeCloseTo(6 / 25, 12);
  });
  it('is 0 for no candidates', () => {
    expect(structuralModularity([], calls)).toBe(0);
  });
});

describe('inter-call percentage', () => {
  it('matches the hand computation', () => {
    // placed edges (x and the self-call left out), weight ln v + 1:
    // a1→a2 1, a2→a1 1, a2→a3 1+ln2, a3→a1 1, a1→b1 1, b1→b2 1+ln3, b2→a2 1 → total 7 + ln 6
    // crossing: a1→b1 and b2→a2 → 2; ICP = 2 / (7 + ln 6) ≈ 0.2275
    expect(interCallPercentage(groups, calls)).toBeCloseTo(2 / (7 + Math.log(6)), 12);
  });
  it('is 0 when nothing crosses, and 0 without calls', () => {
    expect(interCallPercentage([groups.flat()], calls)).toBe(0);
    expect(interCallPercentage(groups, [])).toBe(0);
  });
});

describe('interface number', () => {
  it('matches the hand computation', () => {
    // symbols called from the other candidate: b1 (from a1), a2 (from b2) → 2 over K = 2 → 1
    expect(interfaceNumber(groups, calls)).toBe(1);
  });
  it('counts a symbol once however many outside callers it has', () => {
    // add b1→a2 and a third candidate C = {c} with c→b1: a2 is called from b1 and b2, b1 from a1 and c,
    // still two interface symbols (a2, b1) over K = 3 → 2/3
    expect(interfaceNumber([...groups, ['c']], [...calls, call('b1', 'a2', 1), call('c', 'b1', 1)])).toBeCloseTo(2 / 3, 12);
  });
});

describe('non-extreme distribution', () => {
  it('is the share of symbols in candidates outside the band', () => {
    // sizes 1, 5, 20, 21, 3 with band 5..20: in band 5 + 20 = 25 of 50 → NED = 1 − 25/50 = 0.5
    expect(nonExtremeDistribution([1, 5, 20, 21, 3], { min: 5, max: 20 })).toBe(0.5);
  });
  it('follows the configured band', () => {
    // band 1..3: in band 1 + 3 = 4 of 50 → 1 − 4/50 = 0.92
    expect(nonExtremeDistribution([1, 5, 20, 21, 3], { min: 1, max: 3 })).toBeCloseTo(0.92, 12);
    expect(nonExtremeDistribution([], { min: 5, max: 20 })).toBe(0);
  });
});
