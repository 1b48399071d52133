import fs from 'node:fs';
import path from 'node:path';

export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', 'out', '.next', 'reports']);

/** Every .ts/.tsx file under `dir`, for services that have no tsconfig. Symlinks are not followed. */
export function listSourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found.sort();
}
