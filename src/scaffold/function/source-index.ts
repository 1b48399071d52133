import { Node, type SourceFile, type Statement } from 'ts-morph';
import type { Analysis, Layer } from '../../model/index.js';
import { relativePosix } from '../../util/index.js';

/**
 * Where a declaration lives, as far as carving is concerned: glue and entry code is copied into the
 * function, domain code stays behind (reached through a client), infrastructure becomes a BaaS port,
 * and anything outside the analysed files (lib, packages, ambient typings) is not carried.
 */
export type Home = 'copied' | 'domain' | 'infrastructure' | 'outside';

export class SourceIndex {
  private readonly layers: Map<string, Layer>;
  private readonly exportNames = new Map<SourceFile, Map<Node, string>>();

  constructor(
    readonly root: string,
    analysis: Analysis,
  ) {
    this.layers = new Map(analysis.files.map((file) => [file.file, file.layer]));
  }

  relativePath(sourceFile: SourceFile): string {
    return relativePosix(this.root, sourceFile.getFilePath());
  }

  homeOf(node: Node): Home {
    const sourceFile = node.getSourceFile();
    if (sourceFile.isDeclarationFile()) return 'outside';
    const layer = this.layers.get(this.relativePath(sourceFile));
    if (layer === undefined) return 'outside';
    if (layer === 'domain') return 'domain';
    if (layer === 'infrastructure') return 'infrastructure';
    return 'copied';
  }

  /** The name under which a top-level declaration is exported from its file, if it is. */
  exportNameOf(declaration: Node): string | undefined {
    const sourceFile = declaration.getSourceFile();
    let names = this.exportNames.get(sourceFile);
    if (!names) {
      names = new Map();
      for (const [name, declarations] of sourceFile.getExportedDeclarations()) {
        for (const exported of declarations) if (exported.getSourceFile() === sourceFile && !names.has(exported)) names.set(exported, name);
      }
      this.exportNames.set(sourceFile, names);
    }
    return names.get(declaration);
  }
}

/** The statement directly under the source file that contains `node`. */
export function topLevelStatementOf(node: Node): Statement | undefined {
  let current: Node | undefined = node;
  while (current && !Node.isSourceFile(current.getParent())) current = current.getParent();
  return current && Node.isStatement(current) ? current : undefined;
}

/** Whether a declaration comes from TypeScript's lib or @types/node, which every function package has. */
export function isPlatformDeclaration(node: Node): boolean {
  const file = node.getSourceFile().getFilePath();
  return /\/typescript\/lib\/lib\.[^/]*\.d\.ts$/.test(file) || file.includes('/node_modules/@types/node/');
}
