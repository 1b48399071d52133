import path from 'node:path';
import type { SourceFile } from 'ts-morph';
import type { AnalyzeOptions } from '../model/index.js';
import { isInside, relativePosix } from '../util/index.js';
import type { Workspace } from './find-workspace.js';
import { isTestFile } from './test-files.js';

/**
 * Source files of the service's sibling workspace packages that its code imports, directly or
 * through other packages' files: `import { placeOrder } from '@shop/domain'` makes the domain's
 * source part of the analysis, so a call across packages is an edge between two symbols like any
 * other. Packages the service does not import stay out; so do their tests and declarations.
 * The service's own package (the one holding its root) is not a sibling: --root governs it.
 */
export function workspaceSourcesReached(analysed: readonly SourceFile[], workspace: Workspace, options: AnalyzeOptions): SourceFile[] {
  const siblings = workspace.packages.filter((pkg) => !isInside(pkg.dir, options.root));
  const siblingOf = (file: string) => siblings.find((pkg) => isInside(pkg.dir, file));
  const wanted = (sourceFile: SourceFile): boolean => {
    const file = sourceFile.getFilePath();
    if (sourceFile.isDeclarationFile() || file.split(path.sep).includes('node_modules') || isInside(options.scope, file)) return false;
    const pkg = siblingOf(file);
    return !!pkg && (options.includeTests || !isTestFile(relativePosix(pkg.dir, file)));
  };
  const seen = new Set<SourceFile>(analysed);
  const reached: SourceFile[] = [];
  const queue = [...analysed];
  while (queue.length > 0) {
    const current = queue.pop()!;
    const imported = [...current.getImportDeclarations(), ...current.getExportDeclarations()].map((declaration) => declaration.getModuleSpecifierSourceFile());
    for (const target of imported) {
      if (!target || seen.has(target)) continue;
      seen.add(target);
      if (!wanted(target)) continue;
      reached.push(target);
      queue.push(target);
    }
  }
  return reached;
}
