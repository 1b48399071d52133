import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';
import { defaultCacheDir } from './analysis-cache.js';
import { analyze, type AnalyzeResult } from './analyze.js';

const service = {
  'tsconfig.json': '{"compilerOptions":{"strict":true},"include":["src"]}',
  'src/app.ts': "import express from 'express';\nimport { page, save } from './bff/page';\nconst app = express();\napp.get('/pages/:id', page);\napp.post('/pages', save);",
  'src/bff/page.ts': "import { Pool } from 'pg';\nconst pool = new Pool();\nexport function page(req: unknown) { return req; }\nexport function save() { return pool.query('insert'); }",
  'src/bff/page.test.ts': "import { page } from './page';\npage(1);",
};

const analysisJson = (result: AnalyzeResult): string => result.files.find((f) => f.path === 'analysis.json')!.content;

function setup() {
  const dir = makeTempDir(service);
  const cacheDir = makeTempDir();
  const warnings: string[] = [];
  const run = (extra: { includeTests?: boolean; resolution?: number } = {}) => analyze({ path: dir, ...extra }, { cache: { dir: cacheDir, warn: (m) => warnings.push(m) } });
  const entryFiles = () => fs.readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(cacheDir, f));
  return { dir, cacheDir, warnings, run, entryFiles };
}

describe('analysis cache', () => {
  it('a warm run on an unchanged tree skips load and extract and gives the same analysis.json', () => {
    const { dir, run, entryFiles } = setup();
    const cold = run();
    expect(cold.cacheHit).toBeNull();
    expect(entryFiles()).toHaveLength(2);
    const warm = run();
    expect(warm.cacheHit).toBe('analysis');
    expect(warm.timings.load).toBeUndefined();
    expect(warm.timings.extract).toBeUndefined();
    expect(analysisJson(warm)).toBe(analysisJson(cold));
    expect(analysisJson(warm)).toBe(analysisJson(analyze({ path: dir })));
  });

  it('reuses the facts, not the analysis, when only a clustering option changes', () => {
    const { dir, run } = setup();
    run();
    const warm = run({ resolution: 2 });
    expect(warm.cacheHit).toBe('facts');
    expect(warm.timings.extract).toBeUndefined();
    expect(analysisJson(warm)).toBe(analysisJson(analyze({ path: dir, resolution: 2 })));
  });

  it('a changed file invalidates the entry', () => {
    const { dir, run } = setup();
    run();
    fs.appendFileSync(path.join(dir, 'src/app.ts'), "\napp.get('/health', page);");
    const changed = run();
    expect(changed.cacheHit).toBeNull();
    expect(changed.analysis.entries.map((e) => e.id)).toContain('GET /health');
    expect(run().cacheHit).toBe('analysis');
  });

  it('an option that shapes extraction invalidates the entry', () => {
    const { run } = setup();
    run();
    const withTests = run({ includeTests: true });
    expect(withTests.cacheHit).toBeNull();
    expect(run({ includeTests: true }).cacheHit).toBe('analysis');
    expect(run().cacheHit).toBeNull();
  });

  it('a corrupted entry is ignored with a warning, and rewritten', () => {
    const { dir, run, warnings, entryFiles } = setup();
    const cold = run();
    for (const file of entryFiles()) fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 200));
    const again = run();
    expect(again.cacheHit).toBeNull();
    expect(warnings.some((w) => /cache entry is unreadable/.test(w))).toBe(true);
    expect(analysisJson(again)).toBe(analysisJson(cold));
    expect(run().cacheHit).toBe('analysis');
    expect(fs.readdirSync(dir).sort()).toEqual(['src', 'tsconfig.json']);
  });

  it('lives under $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe(path.join('/x/cache', 'carve'));
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toMatch(/\.cache[\\/]carve$/);
  });
});
