import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnalyzeOptions } from '../config/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { relativePosix } from '../util/index.js';
import { findWorkspace } from './find-workspace.js';
import { loadProject } from './load-project.js';

const load = (dir: string, extra: { root?: string } = {}) => loadProject(resolveAnalyzeOptions({ path: dir, ...extra }));
const importTarget = (loaded: ReturnType<typeof load>, file: string, index = 0): string | undefined => {
  const sourceFile = loaded.sourceFiles.find((sf) => sf.getFilePath().endsWith(file))!;
  const resolved = sourceFile.getImportDeclarations()[index]!.getModuleSpecifierSourceFile()?.getFilePath();
  return resolved === undefined ? undefined : relativePosix(loaded.root, resolved);
};

/** A pnpm monorepo as checked out: no node_modules, packages built to dist/ that is not there. */
const pnpmRepo = {
  'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n  - "packages/**"\n  - "!packages/**/fixtures"\ncatalog:\n  zod: ^4.1.8\n',
  'package.json': '{ "name": "repo", "private": true }',
  'tooling/ts/package.json': '{ "name": "@acme/not-listed" }',
  'packages/tsconfig/package.json': '{ "name": "@acme/tsconfig" }',
  'packages/tsconfig/base.json': '{ "extends": "@acme/tsconfig/strictest.json", "compilerOptions": { "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler" } }',
  'packages/tsconfig/strictest.json': '{ "compilerOptions": { "strict": true, "noUncheckedIndexedAccess": true } }',
  'packages/db/package.json': '{ "name": "@acme/db", "main": "dist/index.js", "types": "dist/index.d.ts", "exports": { ".": { "types": "./dist/index.d.ts", "import": "./dist/index.js" }, "./client": "./dist/client.js" } }',
  'packages/db/src/index.ts': 'export function findUser(id: string) { return { id }; }',
  'packages/db/src/client.ts': 'export const client = { query: (sql: string) => sql };',
  'packages/db/src/lib/sql.ts': 'export const sql = (s: string) => s;',
  'packages/db/src/index.test.ts': 'export {};',
  'packages/nested/deep/package.json': '{ "name": "@acme/deep", "main": "index.ts" }',
  'packages/nested/deep/index.ts': 'export const deep = 1;',
  'packages/nested/deep/fixtures/package.json': '{ "name": "@acme/fixture" }',
  'packages/unused/package.json': '{ "name": "@acme/unused" }',
  'packages/unused/src/index.ts': 'export const unused = 1;',
  'apps/api/package.json': '{ "name": "@acme/api" }',
  'apps/api/tsconfig.json': '{ "extends": "@acme/tsconfig/base.json", "compilerOptions": { "paths": { "@/*": ["./src/*"] } }, "include": ["src"] }',
  'apps/api/src/app.ts': "import { findUser } from '@acme/db';\nimport { client } from '@acme/db/client';\nimport { sql } from '@acme/db/lib/sql';\nimport { deep } from '@acme/deep';\nimport { helper } from '@/helper';\nexport const run = () => [findUser('1'), client.query(sql('x')), deep, helper()];",
  'apps/api/src/helper.ts': 'export const helper = () => 1;',
};

describe('workspace packages', () => {
  it('reads pnpm-workspace.yaml globs (with negations) from above the service root', () => {
    const dir = makeTempDir(pnpmRepo);
    const workspace = findWorkspace(path.join(dir, 'apps/api'), () => undefined)!;
    expect(workspace.root).toBe(dir);
    expect(workspace.packages.map((pkg) => pkg.name).sort()).toEqual(['@acme/api', '@acme/db', '@acme/deep', '@acme/tsconfig', '@acme/unused']);
  });

  it('reads package.json workspaces as an array or as { packages }', () => {
    for (const workspaces of ['["libs/*"]', '{ "packages": ["libs/*"], "nohoist": [] }']) {
      const dir = makeTempDir({ 'package.json': `{ "workspaces": ${workspaces} }`, 'libs/a/package.json': '{ "name": "a" }', 'svc/x.ts': '' });
      expect(findWorkspace(path.join(dir, 'svc'), () => undefined)?.packages.map((pkg) => pkg.name)).toEqual(['a']);
    }
    expect(findWorkspace(makeTempDir({ 'package.json': '{ "name": "solo" }' }), () => undefined)).toBeNull();
  });

  it('extends a tsconfig from a workspace package, through a base that extends another', () => {
    const loaded = load(path.join(makeTempDir(pnpmRepo), 'apps/api'));
    expect(loaded.warnings).toEqual([]);
    const options = loaded.project.getCompilerOptions();
    expect(options.noUncheckedIndexedAccess).toBe(true);
    expect(options.target).toBe(9); // ES2022, from base.json
  });

  it('resolves bare, exported-subpath, build-folder and main-field imports of workspace packages to their sources', () => {
    const loaded = load(path.join(makeTempDir(pnpmRepo), 'apps/api'));
    expect([0, 1, 2, 3, 4].map((index) => importTarget(loaded, 'app.ts', index))).toEqual([
      '../../packages/db/src/index.ts',
      '../../packages/db/src/client.ts',
      '../../packages/db/src/lib/sql.ts',
      '../../packages/nested/deep/index.ts',
      'src/helper.ts',
    ]);
  });

  it('analyses the sibling package sources the service imports, and no others, without their tests', () => {
    const loaded = load(path.join(makeTempDir(pnpmRepo), 'apps/api'));
    // Sorted by absolute path: apps/ before packages/.
    expect(loaded.sourceFiles.map((sf) => relativePosix(loaded.root, sf.getFilePath()))).toEqual([
      'src/app.ts',
      'src/helper.ts',
      '../../packages/db/src/client.ts',
      '../../packages/db/src/index.ts',
      '../../packages/db/src/lib/sql.ts',
      '../../packages/nested/deep/index.ts',
    ]);
  });

  it('keeps the service’s own `paths` over generated ones for the same pattern', () => {
    const repo = { ...pnpmRepo, 'apps/api/tsconfig.json': '{ "compilerOptions": { "paths": { "@acme/db": ["./src/helper.ts"] } }, "include": ["src"] }' };
    const loaded = load(path.join(makeTempDir(repo), 'apps/api'));
    expect(importTarget(loaded, 'app.ts', 0)).toBe('src/helper.ts');
  });
});

describe('tsconfig realities', () => {
  it('resolves `paths` without baseUrl relative to the tsconfig that declares them', () => {
    const dir = makeTempDir({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@server/*": ["./server/*"] } }, "include": ["server"] }',
      'server/routes/api.ts': "import { x } from '@server/models/x';\nexport const y = x;",
      'server/models/x.ts': 'export const x = 1;',
    });
    expect(importTarget(load(dir), 'api.ts')).toBe('server/models/x.ts');
  });

  it('follows a references-only tsconfig to the referenced project that holds the sources', () => {
    const dir = makeTempDir({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "./api" }, "files": [], "include": [], "references": [{ "path": "./tsconfig.spec.json" }, { "path": "./tsconfig.app.json" }] }',
      'tsconfig.app.json': '{ "extends": "./tsconfig.json", "compilerOptions": { "module": "commonjs", "types": ["node"] }, "exclude": ["src/**/*.spec.ts",], "include": ["src/**/*.ts"] }',
      'tsconfig.spec.json': '{ "extends": "./tsconfig.json", "compilerOptions": { "types": ["jest"] }, "include": ["src/**/*.spec.ts"] }',
      'src/app.ts': 'export const a = 1;',
      'src/app.spec.ts': 'export {};',
    });
    const loaded = load(dir);
    expect(loaded.sourceFiles.map((sf) => relativePosix(dir, sf.getFilePath()))).toEqual(['src/app.ts']);
    expect(loaded.warnings).toEqual(['tsconfig.json: lists no sources, only references; analysing tsconfig.app.json, the referenced project with the most sources']);
  });

  it('leaves e2e folders out by default and keeps --root narrower than the tsconfig', () => {
    const dir = makeTempDir({
      'tsconfig.json': '{ "include": ["server", "app", "e2e"] }',
      'server/api.ts': "import { view } from '../app/view';\nexport const api = view;",
      'app/view.ts': 'export const view = 1;',
      'e2e/flow.ts': 'export {};',
    });
    expect(load(dir).sourceFiles.map((sf) => relativePosix(dir, sf.getFilePath()))).toEqual(['app/view.ts', 'server/api.ts']);
    const scoped = load(dir, { root: path.join(dir, 'server') });
    expect(scoped.sourceFiles.map((sf) => relativePosix(dir, sf.getFilePath()))).toEqual(['server/api.ts']);
    // Out of scope is out of the analysis, not out of the program: the import still resolves.
    expect(importTarget(scoped, 'api.ts')).toBe('app/view.ts');
  });
});
