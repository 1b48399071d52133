import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnalyzeOptions } from '../config/index.js';
import { InputError } from '../model/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { relativePosix } from '../util/index.js';
import { loadProject } from './load-project.js';
import { isTestFile } from './test-files.js';

const load = (dir: string, extra: { root?: string; includeTests?: boolean; tsconfig?: string } = {}) => loadProject(resolveAnalyzeOptions({ path: dir, ...extra }));
const analysed = (dir: string, extra = {}) => load(dir, extra).sourceFiles.map((sf) => relativePosix(dir, sf.getFilePath()));

describe('loadProject', () => {
  const service = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, baseUrl: '.', paths: { '@/*': ['src/*'] }, types: ['node', 'jest'] }, include: ['src', 'types'] }),
    'src/app.ts': "import { x } from '@/lib/x';\nimport express from 'express';\nexport const y = x;",
    'src/lib/x.ts': 'export const x = 1;',
    'src/app.test.ts': 'export {};',
    'src/__tests__/b.ts': 'export {};',
    'types/stub.d.ts': "declare module 'express';",
  };

  it('loads from tsconfig without node_modules, leaving out tests and declarations', () => {
    const dir = makeTempDir(service);
    expect(analysed(dir)).toEqual(['src/app.ts', 'src/lib/x.ts']);
  });

  it('resolves `paths` aliases to project files', () => {
    const dir = makeTempDir(service);
    const loaded = load(dir);
    const app = loaded.sourceFiles.find((sf) => sf.getBaseName() === 'app.ts')!;
    expect(app.getImportDeclarations()[0]!.getModuleSpecifierSourceFile()?.getFilePath()).toBe(path.join(dir, 'src/lib/x.ts'));
  });

  it('treats option diagnostics (uninstalled `types`) as warnings, never as fatal', () => {
    const dir = makeTempDir(service);
    expect(load(dir).warnings).toEqual([]);
    expect(() => load(dir)).not.toThrow();
  });

  it('includes tests when asked, and limits to --root', () => {
    const dir = makeTempDir(service);
    expect(analysed(dir, { includeTests: true })).toContain('src/app.test.ts');
    expect(analysed(dir, { root: path.join(dir, 'src/lib') })).toEqual(['src/lib/x.ts']);
  });

  it('fails with one clear line for an unreadable tsconfig or no sources', () => {
    const broken = makeTempDir({ 'tsconfig.json': '{ "compilerOptions": ', 'src/a.ts': '' });
    expect(() => load(broken)).toThrow(InputError);
    expect(() => load(broken)).toThrow(/tsconfig\.json: /);
    const empty = makeTempDir({ 'tsconfig.json': '{}', 'README.md': '' });
    expect(() => load(empty)).toThrow(/no TypeScript source files to analyse/);
  });

  it('analyses every .ts file with default options when there is no tsconfig', () => {
    const dir = makeTempDir({ 'src/a.ts': 'export const a = 1;', 'node_modules/x/index.ts': '' });
    const loaded = load(dir);
    expect(loaded.sourceFiles.map((sf) => relativePosix(dir, sf.getFilePath()))).toEqual(['src/a.ts']);
    expect(loaded.warnings[0]).toMatch(/no tsconfig\.json found/);
  });
});

describe('isTestFile', () => {
  it('knows test files and folders, and nothing else', () => {
    expect(['a.test.ts', 'src/a.spec.ts', 'test/x.ts', 'src/__tests__/x.ts', 'e2e/app.e2e-spec.ts'].every(isTestFile)).toBe(true);
    expect(['src/testing.ts', 'src/contest/a.ts', 'src/latest.ts'].some(isTestFile)).toBe(false);
  });
});
