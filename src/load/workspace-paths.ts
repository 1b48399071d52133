import fs from 'node:fs';
import path from 'node:path';
import type { Workspace, WorkspacePackage } from './find-workspace.js';

/** Folders that hold build output; with a `src/` beside them, the source is what carve reads. */
const OUT_DIRS = new Set(['dist', 'lib', 'build', 'out', 'esm', 'cjs', 'types']);
/** Export conditions in the order a source reader wants them: a `source` entry, then types, then code. */
const CONDITIONS = ['source', 'types', 'typings', 'import', 'module', 'require', 'node', 'default'];
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '/index.ts', '/index.tsx'];

const isFile = (file: string): boolean => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
const isDir = (dir: string): boolean => fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** The string an `exports` value leads to, preferring the conditions a type checker reads. */
function exportTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(exportTarget).find((target) => target !== undefined);
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const keys = [...CONDITIONS.filter((key) => key in record), ...Object.keys(record).filter((key) => !CONDITIONS.includes(key))];
  return keys.map((key) => exportTarget(record[key])).find((target) => target !== undefined);
}

/** `dist/orders.js` → `src/orders` when src/ exists: build output mapped back to where it was written. */
function sourceStems(dir: string, target: string): string[] {
  const stem = target.replace(/^\.\//, '').replace(/\.d\.[cm]?ts$|\.[cm]?[jt]sx?$/, '');
  const segments = stem.split('/');
  let first = 0;
  while (first < segments.length - 1 && OUT_DIRS.has(segments[first]!)) first++;
  const stems = [stem];
  if (first > 0 && isDir(path.join(dir, 'src'))) stems.unshift(['src', ...segments.slice(first)].join('/'));
  return stems;
}

/** The TypeScript source behind a manifest target (`./dist/index.js`, `./src/index.ts`), if one exists. */
export function sourceOf(dir: string, target: string): string | undefined {
  const direct = path.join(dir, target);
  if (/\.[cm]?tsx?$/.test(target) && !/\.d\.[cm]?ts$/.test(target) && isFile(direct)) return direct;
  for (const stem of sourceStems(dir, target)) {
    for (const extension of SOURCE_EXTENSIONS) {
      const candidate = path.join(dir, stem + extension);
      if (isFile(candidate)) return candidate;
    }
  }
  // Declarations only (a package that ships .d.ts in the repo): still better than nothing for types.
  return isFile(direct) && /\.d\.[cm]?ts$/.test(target) ? direct : undefined;
}

function mainEntry(pkg: WorkspacePackage): string | undefined {
  const { manifest, dir } = pkg;
  const exportsField = manifest.exports;
  const rootExport =
    typeof exportsField === 'string' || Array.isArray(exportsField)
      ? exportsField
      : exportsField && typeof exportsField === 'object' && !Object.keys(exportsField).some((key) => key.startsWith('.'))
        ? exportsField // conditions only: `{ "import": ..., "types": ... }` is the root export
        : (exportsField as Record<string, unknown> | undefined)?.['.'];
  const targets = [exportTarget(rootExport), manifest.source, manifest.types, manifest.typings, manifest.module, manifest.main, 'src/index.ts', 'index.ts'];
  for (const target of targets) {
    if (typeof target !== 'string') continue;
    const found = sourceOf(dir, target);
    if (found) return found;
  }
  return undefined;
}

/** `exports` subpaths (`"./orders"`, `"./*"`) as path patterns onto source files. */
function subpathExports(pkg: WorkspacePackage, paths: Record<string, string[]>): void {
  const exportsField = pkg.manifest.exports;
  if (!exportsField || typeof exportsField !== 'object' || Array.isArray(exportsField)) return;
  for (const [key, value] of Object.entries(exportsField as Record<string, unknown>)) {
    if (!key.startsWith('./') || key.endsWith('/')) continue;
    const target = exportTarget(value);
    if (!target) continue;
    const specifier = `${pkg.name}/${key.slice(2)}`;
    if (key.includes('*')) {
      // `"./*": "./dist/*.js"` → `src/*`: TypeScript adds the extensions itself.
      const stems = sourceStems(pkg.dir, target);
      paths[specifier] = stems.map((stem) => path.join(pkg.dir, stem));
    } else {
      const source = sourceOf(pkg.dir, target);
      if (source) paths[specifier] = [source];
    }
  }
}

/**
 * `paths` that send imports of workspace packages to their sources, as an install would send them
 * to node_modules (but to src/, not to a dist/ that was never built): the bare name to the main
 * entry, exported subpaths to their files, and any deep import `@x/pkg/a/b` (also through a build
 * folder, `@x/pkg/lib/a`) to `src/a/b` or the package folder. Targets are absolute, so they need no
 * baseUrl. Read by the checker, so calls across packages resolve like calls inside one.
 */
export function workspacePaths(workspace: Workspace): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const pkg of workspace.packages) {
    const hasSrc = isDir(path.join(pkg.dir, 'src'));
    const main = mainEntry(pkg);
    if (main) paths[pkg.name] = [main];
    const deep = hasSrc ? [path.join(pkg.dir, 'src', '*'), path.join(pkg.dir, '*')] : [path.join(pkg.dir, '*')];
    paths[`${pkg.name}/*`] = deep;
    if (hasSrc) {
      // `@x/pkg/lib/a` is `src/a` when lib/ is the build of src/, or `src/lib/a` when lib/ is a source folder.
      for (const out of ['dist', 'lib', 'build']) paths[`${pkg.name}/${out}/*`] = [path.join(pkg.dir, 'src', '*'), path.join(pkg.dir, 'src', out, '*'), path.join(pkg.dir, out, '*')];
    }
    subpathExports(pkg, paths);
  }
  return paths;
}
