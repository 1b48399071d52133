import { describe, expect, it } from 'vitest';
import { factsFromText } from '../test-support/in-memory-project.js';

const ids = (files: Record<string, string>) => factsFromText(files).symbols.map((s) => `${s.id} ${s.kind}`);

describe('collectSymbols', () => {
  it('finds functions, classes with their methods, arrow functions and object-literal handlers', () => {
    expect(
      ids({
        'src/a.ts': `
export function plain(x: number): number { return x; }
export class ItemService {
  constructor(private readonly repo: unknown) {}
  async get(id: string) { return id; }
  handle = async () => 1;
  private helper() { return 2; }
}
export const toView = (item: { id: string }) => ({ id: item.id });
export const chatController = { list: async () => [], get(id: string) { return id; } };
const wrapped = wrap(async () => 1);
declare function wrap<T>(fn: T): T;`,
      }),
    ).toEqual([
      'src/a.ts#ItemService class',
      'src/a.ts#ItemService.constructor method',
      'src/a.ts#ItemService.get method',
      'src/a.ts#ItemService.handle method',
      'src/a.ts#ItemService.helper method',
      'src/a.ts#chatController.get method',
      'src/a.ts#chatController.list method',
      'src/a.ts#plain function',
      'src/a.ts#toView arrow',
      'src/a.ts#wrapped arrow',
    ]);
  });

  it('records file, line range, size and signature', () => {
    const [symbol] = factsFromText({ 'src/a.ts': '\n\nexport async function load(id: string, n = 2): Promise<string> {\n\n  return id;\n}\n' }).symbols;
    expect(symbol).toMatchObject({ file: 'src/a.ts', line: 3, endLine: 6, loc: 3, exported: true, signature: '(id: string, n = 2): Promise<string>' });
  });

  it('does not make nested functions, callbacks or plain constants into symbols', () => {
    expect(
      ids({
        'src/a.ts': `
const LIMIT = 10;
const labels = { a: 'A' } as const;
export function outer(values: number[]) {
  function inner(v: number) { return v * LIMIT; }
  return values.map((v) => inner(v));
}`,
      }),
    ).toEqual(['src/a.ts#outer function']);
  });

  it('makes inline route handlers symbols of their own, named by registrar and position', () => {
    expect(
      ids({
        'src/routes.ts': `
declare const router: { get(path: string, ...h: unknown[]): void };
router.get('/x', async (req: unknown) => req);
export function mount() { router.get('/y', [(a: unknown) => a], () => 1); }`,
      }),
    ).toEqual(['src/routes.ts#mount function', 'src/routes.ts#router.get@L3:18 handler', 'src/routes.ts#router.get@L4:45 handler', 'src/routes.ts#router.get@L4:65 handler']);
  });
});

describe('files with syntax errors', () => {
  it('are skipped with the reason and line, and the analysis goes on', () => {
    const facts = factsFromText({ 'src/bad.ts': 'export function broken( {\n  return 1;\n', 'src/good.ts': 'export function fine() { return 1; }' });
    expect(facts.skipped).toEqual([{ file: 'src/bad.ts', reason: expect.stringMatching(/^syntax error at line \d+: /) }]);
    expect(facts.symbols.map((s) => s.id)).toEqual(['src/good.ts#fine']);
  });
});
