import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Where a workspace's package globs were declared, and the globs themselves. */
export interface WorkspaceDeclaration {
  root: string;
  file: string;
  patterns: string[];
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** npm and yarn: `"workspaces": ["packages/*"]` or yarn's `"workspaces": { "packages": [...] }`. */
function patternsFromPackageJson(file: string): string[] | undefined {
  const pkg = readJson(file) as { workspaces?: unknown } | undefined;
  const workspaces = pkg && typeof pkg === 'object' ? pkg.workspaces : undefined;
  if (isStringArray(workspaces)) return workspaces;
  const nested = workspaces && typeof workspaces === 'object' ? (workspaces as { packages?: unknown }).packages : undefined;
  return isStringArray(nested) ? nested : undefined;
}

/** pnpm: the `packages:` list of pnpm-workspace.yaml (the rest of the file, catalogs and settings, is not ours). */
function patternsFromPnpmYaml(file: string, warn: (message: string) => void): string[] | undefined {
  let document: unknown;
  try {
    document = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    warn(`${path.basename(file)}: not readable as YAML (${(error as Error).message.split('\n')[0]}); workspace packages are not mapped`);
    return undefined;
  }
  const packages = document && typeof document === 'object' ? (document as { packages?: unknown }).packages : undefined;
  return isStringArray(packages) ? packages : undefined;
}

/**
 * The nearest folder at or above `start` that declares a workspace (pnpm-workspace.yaml first, as
 * pnpm ignores package.json `workspaces`), or null when the service is not inside one.
 */
export function findWorkspaceDeclaration(start: string, warn: (message: string) => void): WorkspaceDeclaration | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const pnpm = path.join(dir, 'pnpm-workspace.yaml');
    if (fs.existsSync(pnpm)) {
      const patterns = patternsFromPnpmYaml(pnpm, warn);
      if (patterns) return { root: dir, file: pnpm, patterns };
    }
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      const patterns = patternsFromPackageJson(pkg);
      if (patterns) return { root: dir, file: pkg, patterns };
    }
    if (path.dirname(dir) === dir) return null;
  }
}
