import { describe, expect, it } from 'vitest';
import { factsFromText } from '../test-support/in-memory-project.js';

describe('module state', () => {
  const facts = factsFromText({
    'src/state.ts': `
export let lastReindexAt: number | undefined;
export const hotItems = new Map<string, number>();
export const flags = { newCheckout: false };
export const LABELS = { a: 'A' } as const;
export const MAX = 5;
export const seen: string[] = [];
export function reindex() { lastReindexAt = Date.now(); }
export function remember(id: string) { hotItems.set(id, 1); }
export function peek(id: string) { return hotItems.get(id) ?? MAX; }
export function toggle() { flags.newCheckout = !flags.newCheckout; }
export function readLabel() { return LABELS.a; }`,
    'src/other.ts': "import { seen, lastReindexAt } from './state';\nexport function track(id: string) { seen.push(id); return lastReindexAt; }",
  });
  const byName = new Map(facts.state.map((s) => [s.name, s]));

  it('finds let bindings and mutable collections, and who writes and reads them', () => {
    expect(byName.get('lastReindexAt')).toMatchObject({ kind: 'variable', mutable: true, writers: ['src/state.ts#reindex'], readers: ['src/other.ts#track'] });
    expect(byName.get('hotItems')).toMatchObject({ kind: 'collection', mutable: true, writers: ['src/state.ts#remember'], readers: ['src/state.ts#peek'] });
    expect(byName.get('flags')).toMatchObject({ mutable: true, writers: ['src/state.ts#toggle'] });
    expect(byName.get('seen')).toMatchObject({ mutable: true, writers: ['src/other.ts#track'] });
  });

  it('leaves out constants: primitives and `as const` tables', () => {
    expect(byName.has('MAX')).toBe(false);
    expect(byName.has('LABELS')).toBe(false);
  });

  it('reports a collection only read as not mutable', () => {
    const readOnly = factsFromText({ 'src/a.ts': 'const table = new Map<string, string>();\nexport const label = (k: string) => table.get(k);' });
    expect(readOnly.state).toEqual([expect.objectContaining({ name: 'table', mutable: false, readers: ['src/a.ts#label'], writers: [] })]);
  });
});
