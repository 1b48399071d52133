import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { relativePosix } from '../util/index.js';
import { SKIPPED_DIRS } from './list-source-files.js';
import { findWorkspaceDeclaration } from './workspace-patterns.js';

/** One package of the workspace: its `name` and folder, with its package.json as read. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: Record<string, unknown>;
}

export interface Workspace {
  root: string;
  packages: WorkspacePackage[];
}

/** Deep enough for `packages/**` layouts (packages/sdks/web); deeper folders are not packages in practice. */
const MAX_DEPTH = 5;

function readManifest(file: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Folders under `root` that hold a package.json, relative, without dependency or build folders. */
function packageFolders(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (depth > 0 && entries.some((entry) => entry.isFile() && entry.name === 'package.json')) found.push(relativePosix(root, dir));
    if (depth === MAX_DEPTH) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dir, entry.name), depth + 1);
    }
  };
  walk(root, 0);
  return found.sort();
}

/**
 * The workspace around `serviceRoot` (found by walking up to the nearest package.json `workspaces`
 * or pnpm-workspace.yaml) with every package its globs name; null outside a workspace. Only
 * manifests are read: nothing is installed or run.
 */
export function findWorkspace(serviceRoot: string, warn: (message: string) => void): Workspace | null {
  const declaration = findWorkspaceDeclaration(serviceRoot, warn);
  if (!declaration) return null;
  const clean = (pattern: string) => pattern.replace(/^!/, '').replace(/^\.\//, '').replace(/\/+$/, '');
  const included = picomatch(declaration.patterns.filter((p) => !p.startsWith('!')).map(clean), { dot: false });
  const negated = declaration.patterns.filter((p) => p.startsWith('!')).map(clean);
  const excluded = negated.length ? picomatch(negated) : () => false;
  const packages: WorkspacePackage[] = [];
  const seen = new Set<string>();
  for (const folder of packageFolders(declaration.root)) {
    if (!included(folder) || excluded(folder)) continue;
    const dir = path.join(declaration.root, folder);
    const manifest = readManifest(path.join(dir, 'package.json'));
    const name = manifest?.name;
    // Two folders with one name (a fork, a template): the first in path order is the one kept.
    if (!manifest || typeof name !== 'string' || !name || seen.has(name)) continue;
    seen.add(name);
    packages.push({ name, dir, manifest });
  }
  return { root: declaration.root, packages };
}
