import { Node, type SourceFile } from 'ts-morph';
import type { Analysis } from '../../model/index.js';
import type { ServiceFiles } from './service-files.js';

/** How the monolith's internal endpoint reaches a domain function: what to import, what to call. */
export type DomainAccess =
  | { kind: 'resolved'; file: string; importName: string; member?: string }
  | { kind: 'unresolved'; reason: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function isExported(file: SourceFile, name: string): boolean {
  return file.getExportedDeclarations().has(name);
}

/** An exported module-level `const x = new Class(…)` in `file`, the singleton the glue called through. */
function exportedInstanceOf(file: SourceFile, className: string): string | undefined {
  for (const statement of file.getVariableStatements()) {
    for (const declaration of statement.getDeclarations()) {
      const init = declaration.getInitializer();
      if (!init || !Node.isNewExpression(init) || init.getExpression().getText() !== className) continue;
      const name = declaration.getName();
      if (IDENTIFIER.test(name) && isExported(file, name)) return name;
    }
  }
  return undefined;
}

/**
 * Resolves a remote call's domain target (`file#fn`, `file#Class.method`, `file#object.member`) to
 * an import: the exported function, the class for a static method, the exported instance of the
 * class (in its own file, else in any file holding module state), or the exported object.
 */
export function resolveDomainAccess(target: string, analysis: Analysis, files: ServiceFiles): DomainAccess {
  const hash = target.indexOf('#');
  const file = target.slice(0, hash);
  const name = target.slice(hash + 1);
  const parts = name.split('.');
  if (hash < 0 || parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) return { kind: 'unresolved', reason: `${target}: not a plain function or method` };
  const source = files.get(file);
  const [owner, member] = parts as [string, string | undefined];
  if (member === undefined) {
    return isExported(source, owner) ? { kind: 'resolved', file, importName: owner } : { kind: 'unresolved', reason: `${target}: ${owner} is not exported` };
  }
  const cls = source.getClass(owner);
  if (!cls) {
    return isExported(source, owner) ? { kind: 'resolved', file, importName: owner, member } : { kind: 'unresolved', reason: `${target}: ${owner} is not exported` };
  }
  if (cls.getStaticMethod(member)) {
    return isExported(source, owner) ? { kind: 'resolved', file, importName: owner, member } : { kind: 'unresolved', reason: `${target}: class ${owner} is not exported` };
  }
  const local = exportedInstanceOf(source, owner);
  if (local) return { kind: 'resolved', file, importName: local, member };
  const stateFiles = [...new Set(analysis.state.filter((s) => s.kind === 'instance' && s.file !== file).map((s) => s.file))].sort();
  for (const stateFile of stateFiles) {
    const text = files.text(stateFile);
    if (!text || !text.includes(`new ${owner}`)) continue;
    const instance = exportedInstanceOf(files.get(stateFile), owner);
    if (instance) return { kind: 'resolved', file: stateFile, importName: instance, member };
  }
  return { kind: 'unresolved', reason: `${target}: no exported instance of ${owner} found to call ${member} on` };
}
