import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../cluster/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { analyze } from './analyze.js';

const GENERATOR = path.resolve(import.meta.dirname, '../../fixtures/synthetic/generate-monolith.mjs');

/** Runs the generator as `npm run bench` does; returns the folder and every file's bytes. */
function generate(...args: string[]): { dir: string; files: Map<string, Buffer>; stdout: string } {
  const dir = path.join(makeTempDir(), 'service');
  const stdout = execFileSync(process.execPath, [GENERATOR, dir, ...args], { encoding: 'utf8' });
  const files = new Map<string, Buffer>();
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) files.set(file, fs.readFileSync(full));
  }
  return { dir, files, stdout };
}

const tsLines = (files: Map<string, Buffer>): number => [...files].filter(([file]) => file.endsWith('.ts')).reduce((sum, [, text]) => sum + text.toString('utf8').split('\n').length, 0);

interface Expected {
  routes: { method: string; path: string; capability: string }[];
}

describe('synthetic monolith generator', () => {
  it('writes byte-identical output for the same seed, and other output for another seed', () => {
    const small = ['--capabilities', '3', '--routes', '4', '--glue-files', '3', '--functions', '3', '--noise', '0.2'];
    const first = generate(...small, '--seed', '11');
    const second = generate(...small, '--seed', '11');
    expect([...first.files.keys()]).toEqual([...second.files.keys()]);
    for (const [file, bytes] of first.files) expect(bytes.equals(second.files.get(file)!), file).toBe(true);
    const other = generate(...small, '--seed', '12');
    expect([...first.files].some(([file, bytes]) => !bytes.equals(other.files.get(file) ?? Buffer.alloc(0)))).toBe(true);
  });

  it('plants the route → capability partition in expected.json, every route registered in a router', () => {
    const { files } = generate('--capabilities', '3', '--routes', '4', '--glue-files', '2', '--functions', '2');
    const expected = JSON.parse(files.get('expected.json')!.toString('utf8')) as Expected;
    expect(expected.routes).toHaveLength(12);
    expect(new Set(expected.routes.map((r) => r.capability))).toEqual(new Set(['cap000', 'cap001', 'cap002']));
    for (const route of expected.routes) {
      const router = files.get(`src/routes/${route.capability}.routes.ts`)!.toString('utf8');
      const local = route.path.slice(`/api/${route.capability}`.length);
      expect(router).toContain(`${route.capability}Router.${route.method.toLowerCase()}('${local}'`);
    }
  });

  it('scales to --lines within 5%', () => {
    const { files, stdout } = generate('--lines', '12000');
    expect(Math.abs(tsLines(files) - 12000)).toBeLessThanOrEqual(600);
    expect(stdout).toContain(`${tsLines(files)} lines of TypeScript`);
    const fixedCaps = generate('--lines', '12000', '--capabilities', '4');
    expect(Math.abs(tsLines(fixedCaps.files) - 12000)).toBeLessThanOrEqual(600);
    expect(fixedCaps.files.has('src/routes/cap003.routes.ts') && !fixedCaps.files.has('src/routes/cap004.routes.ts')).toBe(true);
  });

  it('is carved back into its planted capabilities', () => {
    const { dir, files } = generate('--capabilities', '4', '--routes', '5', '--glue-files', '4', '--functions', '4', '--noise', '0.05');
    const expected = JSON.parse(files.get('expected.json')!.toString('utf8')) as Expected;
    const { analysis } = analyze({ path: dir });
    const truth = new Map(expected.routes.map((r) => [`${r.method} ${r.path}`, r.capability]));
    const carved = new Map(analysis.candidates.flatMap((c) => c.entries.map((e) => [e, c.id] as const)));
    expect(carved.size).toBe(truth.size);
    expect(adjustedRandIndex(truth, carved)).toBeGreaterThanOrEqual(0.9);
  });
});
