import path from 'node:path';
import { Node } from 'ts-morph';
import { declaredName, type Naming } from './carried-text.js';
import type { ImportedName, Needs } from './collect-needs.js';

/** Where things live inside a function package (paths relative to the package root). */
export const LAYOUT = {
  routes: 'src/routes.ts',
  types: 'src/types.ts',
  clients: 'src/clients/index.ts',
  constants: 'src/clients/constants.ts',
  baas: 'src/baas/index.ts',
  expressShim: 'src/http/express-shim.ts',
  koaShim: 'src/http/koa-shim.ts',
} as const;

/** Types the generated shims export in place of the framework's own: module → names → shim file. */
const SHIM_TYPES: Record<string, { names: ReadonlySet<string>; file: string }> = {
  express: { names: new Set(['Request', 'Response', 'NextFunction', 'RequestHandler', 'ErrorRequestHandler']), file: LAYOUT.expressShim },
  koa: { names: new Set(['Context', 'Next', 'Middleware', 'ParameterizedContext', 'DefaultContext']), file: LAYOUT.koaShim },
};

/** Whether a package import is one of a framework's types that a shim stands in for. */
export function isShimmedType(module: string, name: string): boolean {
  return SHIM_TYPES[module]?.names.has(name) ?? false;
}

/** A copied monolith file's place under src/glue/, keeping its folders (`src/bff/x.ts` → `src/glue/bff/x.ts`). */
export function copiedPath(relative: string): string {
  return `src/glue/${relative.replace(/^src\//, '')}`;
}

/** `import … from '<specifier>'` as written in `fromFile`, with the `.js` ending Node's ESM needs. */
export function specifierBetween(fromFile: string, toFile: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.tsx?$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

interface Target {
  file?: string;
  module?: string;
  name: string;
  typeOnly: boolean;
}

function targetOf(imported: ImportedName, needs: Needs, naming: Naming): Target | undefined {
  const declaration = imported.declaration;
  if (!declaration) {
    const shim = SHIM_TYPES[imported.module!];
    if (shim?.names.has(imported.importedName)) return { file: shim.file, name: imported.importedName === 'ParameterizedContext' || imported.importedName === 'DefaultContext' ? 'Context' : imported.importedName, typeOnly: true };
    return { module: imported.module!, name: imported.importedName, typeOnly: false };
  }
  const home = needs.index.homeOf(declaration);
  const typeLike = Node.isInterfaceDeclaration(declaration) || Node.isTypeAliasDeclaration(declaration) || Node.isClassDeclaration(declaration);
  if (home === 'copied') {
    return { file: copiedPath(needs.index.relativePath(declaration.getSourceFile())), name: needs.index.exportNameOf(declaration) ?? imported.importedName, typeOnly: Node.isInterfaceDeclaration(declaration) || Node.isTypeAliasDeclaration(declaration) };
  }
  const name = naming.nameOf(declaration, declaredName(declaration));
  if (typeLike || Node.isEnumDeclaration(declaration)) return { file: LAYOUT.types, name, typeOnly: typeLike };
  if (home === 'domain') {
    const isConstant = Node.isVariableDeclaration(declaration) && !needs.instances.has(declaration);
    return { file: isConstant ? LAYOUT.constants : LAYOUT.clients, name, typeOnly: false };
  }
  if (home === 'infrastructure') return { file: LAYOUT.baas, name, typeOnly: false };
  return undefined;
}

/** The import statements a copied file (or the route table) needs in the package, sorted. */
export function renderImports(owner: string, ownerFile: string, needs: Needs, naming: Naming): string[] {
  const byModule = new Map<string, string[]>();
  const lines: string[] = [];
  for (const [local, imported] of [...(needs.imports.get(owner) ?? new Map<string, ImportedName>())].sort(([a], [b]) => a.localeCompare(b))) {
    const target = targetOf(imported, needs, naming);
    if (!target) continue;
    const specifier = target.file ? specifierBetween(ownerFile, target.file) : target.module!;
    if (target.file === ownerFile) continue;
    if (target.name === '*') lines.push(`import * as ${local} from '${specifier}';`);
    else if (target.name === 'default') lines.push(`import ${local} from '${specifier}';`);
    else {
      const element = `${target.typeOnly ? 'type ' : ''}${target.name === local ? local : `${target.name} as ${local}`}`;
      byModule.set(specifier, [...(byModule.get(specifier) ?? []), element]);
    }
  }
  for (const [specifier, elements] of byModule) {
    const typesOnly = elements.every((element) => element.startsWith('type '));
    lines.push(typesOnly ? `import type { ${elements.map((element) => element.slice(5)).join(', ')} } from '${specifier}';` : `import { ${elements.join(', ')} } from '${specifier}';`);
  }
  return lines.sort();
}
