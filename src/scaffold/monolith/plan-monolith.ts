import type { Analysis, Candidate, EntryFact, RenderedFile } from '../../model/index.js';
import type { ClientOperation, MonolithPlan, ScaffoldSource } from '../contract.js';
import { findAppSite } from './app-site.js';
import { resolveDomainAccess } from './domain-receivers.js';
import { importStyleOf, relativeSpecifier, type ImportStyle } from './module-specifier.js';
import { namesFor, quote, toPascal, uniqueNamer, type CandidateNames } from './names.js';
import { renderInternal, type InternalEndpoint } from './render-internal.js';
import { renderLocal, renderPort, renderToggle, type PortRoute } from './render-port.js';
import { renderRemote } from './render-remote.js';
import { findRouteSites } from './route-sites.js';
import { ServiceFiles } from './service-files.js';
import { applyInsertions, filePatch, type Insertion } from './unified-patch.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Names in internal.ts that an imported domain binding must not shadow. */
const INTERNAL_LOCALS = ['json', 'Router', 'NextFunction', 'Request', 'Response', 'SECRET_HEADER', 'secret', 'sameSecret', 'guard', 'answer'];

function operationName(entry: EntryFact, analysis: Analysis): string {
  const symbol = entry.handler ? analysis.symbols.find((s) => s.id === entry.handler) : undefined;
  const last = symbol && symbol.kind !== 'handler' ? symbol.name.split('.').at(-1) : undefined;
  return last && IDENTIFIER.test(last) ? last : `${entry.method.toLowerCase()}${toPascal(entry.path)}`;
}

/** The folder the monolith files go in: `carve/` beside the app's top source folder (`src/carve/…`). */
function carveFolder(files: readonly string[], names: CandidateNames): string {
  const tops = files.filter((file) => file.includes('/')).map((file) => file.split('/')[0]!);
  return tops.length > 0 ? `${tops[0]}/carve/${names.folder}` : `carve/${names.folder}`;
}

class FileEdits {
  private readonly imports = new Map<string, string[]>();
  private readonly insertions = new Map<string, Insertion[]>();

  addImport(file: string, line: string): void {
    const lines = this.imports.get(file) ?? [];
    if (!lines.includes(line)) lines.push(line);
    this.imports.set(file, lines);
  }

  insert(file: string, insertion: Insertion): void {
    this.insertions.set(file, [...(this.insertions.get(file) ?? []), insertion]);
  }

  /** One diff per touched file, in path order; imports go after the file's last import. */
  patch(files: ServiceFiles): string {
    const touched = [...new Set([...this.imports.keys(), ...this.insertions.keys()])].sort();
    return touched
      .map((file) => {
        const source = files.get(file);
        const before = source.getFullText();
        const lastImport = source.getImportDeclarations().at(-1);
        const lines = (this.imports.get(file) ?? []).join('\n');
        const importInsertion: Insertion[] = lines ? [lastImport ? { at: lastImport.getEnd(), text: `\n${lines}` } : { at: 0, text: `${lines}\n` }] : [];
        return filePatch(file, before, applyInsertions(before, [...importInsertion, ...(this.insertions.get(file) ?? [])]));
      })
      .join('');
  }
}

function internalEndpoints(source: ScaffoldSource, files: ServiceFiles, operations: readonly ClientOperation[], internalFile: string, style: ImportStyle, names: CandidateNames): { endpoints: InternalEndpoint[]; imports: string[]; notes: string[] } {
  const name = uniqueNamer([...INTERNAL_LOCALS, `${names.camel}InternalRouter`]);
  const bindings = new Map<string, string>();
  const perFile = new Map<string, string[]>();
  const notes: string[] = [];
  const endpoints = operations.map((operation): InternalEndpoint => {
    const access = resolveDomainAccess(operation.target, source.analysis, files);
    if (access.kind === 'unresolved') {
      notes.push(`${operation.path} answers 501: ${access.reason}; wire it by hand in ${internalFile}`);
      return { operation, access };
    }
    const key = `${access.file}#${access.importName}`;
    let binding = bindings.get(key);
    if (!binding) {
      binding = name(access.importName);
      bindings.set(key, binding);
      perFile.set(access.file, [...(perFile.get(access.file) ?? []), binding === access.importName ? binding : `${access.importName} as ${binding}`]);
    }
    return { operation, access, binding };
  });
  const imports = [...perFile.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, specs]) => `import { ${specs.join(', ')} } from '${relativeSpecifier(internalFile, file, style)}';`);
  return { endpoints, imports, notes };
}

/**
 * The monolith side of one candidate: a port over its route handlers, a local adapter (the existing
 * handlers), a remote adapter (the deployed function), a toggle defaulting to local, and the internal
 * endpoints the function's domain clients call back into. Existing files only gain lines: each moved
 * route's handler is wrapped in `via<Candidate>(…)` and the internal router is mounted in the app.
 */
export function planMonolith(source: ScaffoldSource, candidate: Candidate, operations: readonly ClientOperation[]): MonolithPlan {
  const { analysis } = source;
  const files = new ServiceFiles(source.serviceRoot);
  const names = namesFor(candidate.name);
  const notes: string[] = [];
  const entries = candidate.entries.map((id) => analysis.entries.find((entry) => entry.id === id)).filter((entry): entry is EntryFact => entry !== undefined);
  const express = entries.filter((entry) => entry.framework === 'express');
  for (const entry of entries.filter((e) => e.framework !== 'express')) notes.push(`${entry.id} (${entry.framework}): only Express routes are routed through the port so far; route it by hand`);
  const app = findAppSite(analysis, files);
  const folder = carveFolder([app?.file ?? '', ...express.map((e) => e.file)].filter(Boolean), names);
  const toggleFile = `${folder}/toggle.ts`;
  const internalFile = `${folder}/internal.ts`;
  const edits = new FileEdits();
  const operationOf = uniqueNamer([]);
  const routes: PortRoute[] = [];
  const byFile = new Map<string, EntryFact[]>();
  for (const entry of express) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  const firstFile = [...byFile.keys()].sort()[0] ?? app?.file;
  const style = importStyleOf(firstFile ? files.get(firstFile).getImportDeclarations().map((d) => d.getModuleSpecifierValue()) : []);
  for (const [file, fileEntries] of [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const { sites, missing } = findRouteSites(files.get(file), fileEntries);
    for (const entry of missing) notes.push(`${entry.id}: its registration in ${file}:${entry.line} was not found; wrap its handler in via${names.pascal}() by hand`);
    for (const site of sites.sort((a, b) => a.start - b.start)) {
      const operation = operationOf(operationName(site.entry, analysis));
      routes.push({ operation, method: site.entry.method, path: site.entry.path });
      edits.insert(file, { at: site.start, text: `via${names.pascal}(${quote(operation)}, ` });
      edits.insert(file, { at: site.end, text: ')' });
    }
    if (sites.length > 0) edits.addImport(file, `import { via${names.pascal} } from '${relativeSpecifier(file, toggleFile, style)}';`);
  }
  const planned: RenderedFile[] = [];
  if (routes.length > 0) {
    planned.push(
      { path: `${folder}/port.ts`, content: renderPort(names, routes) },
      { path: `${folder}/local.ts`, content: renderLocal(names, routes, style) },
      { path: `${folder}/remote.ts`, content: renderRemote(names, routes, style) },
      { path: toggleFile, content: renderToggle(names, style) },
    );
  }
  if (operations.length > 0) {
    const internal = internalEndpoints(source, files, operations, internalFile, style, names);
    notes.push(...internal.notes);
    planned.push({ path: internalFile, content: renderInternal(names, internal.endpoints, internal.imports) });
    if (app) {
      edits.addImport(app.file, `import { ${names.camel}InternalRouter } from '${relativeSpecifier(app.file, internalFile, style)}';`);
      edits.insert(app.file, { at: app.insertAt, text: `\n${app.indent}${app.appName}.use(${names.camel}InternalRouter);` });
    } else {
      notes.push(`no \`express()\` application found: mount ${names.camel}InternalRouter from ${internalFile} in your app by hand`);
    }
  }
  return { candidate: candidate.id, files: planned, patch: edits.patch(files), notes };
}
