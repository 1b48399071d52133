import path from 'node:path';
import { ts } from 'ts-morph';
import type { Workspace } from './find-workspace.js';

/**
 * A tsconfig host on which `node_modules/<workspace package>/…` exists even when nothing was
 * installed: it is that package's own folder, as a workspace install would link it. TypeScript
 * resolves `"extends": "@acme/tsconfig/base.json"` (also from a base that extends another package)
 * through this host with its own rules (`exports`, `tsconfig` field, `.json` suffix); `realpath`
 * hands back the real folder so the base's relative paths stay relative to where it lives.
 */
export function workspaceConfigHost(workspace: Workspace | null): ts.ParseConfigHost {
  if (!workspace || workspace.packages.length === 0) return ts.sys;
  const folders = new Map(workspace.packages.map((pkg) => [pkg.name, pkg.dir]));
  const marker = `${path.sep}node_modules${path.sep}`;
  const mapped = (file: string): string => {
    const index = file.lastIndexOf(marker);
    if (index < 0 || ts.sys.fileExists(file) || ts.sys.directoryExists(file)) return file;
    const rest = file.slice(index + marker.length).split(path.sep);
    const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? '');
    const folder = folders.get(name.split(path.sep).join('/'));
    if (!folder) return file;
    return path.join(folder, ...rest.slice(name.startsWith('@') ? 2 : 1));
  };
  const scopes = new Set(workspace.packages.map((pkg) => pkg.name.split('/')[0]!).filter((first) => first.startsWith('@')));
  const isVirtualFolder = (dir: string): boolean => {
    const segments = dir.split(path.sep);
    const last = segments.at(-1);
    return last === 'node_modules' || (segments.at(-2) === 'node_modules' && scopes.has(last ?? ''));
  };
  return {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: ts.sys.readDirectory,
    fileExists: (file) => ts.sys.fileExists(mapped(file)),
    readFile: (file) => ts.sys.readFile(mapped(file)),
    realpath: (file: string) => {
      const real = mapped(file);
      return ts.sys.realpath ? ts.sys.realpath(real) : real;
    },
    // A checkout has no node_modules at all: the folder and a scope folder in it must seem to exist.
    directoryExists: (dir: string) => ts.sys.directoryExists(mapped(dir)) || isVirtualFolder(dir),
  } as ts.ParseConfigHost;
}
