import type { Analysis, Candidate, EntryFact, RenderedFile } from '../../model/index.js';
import type { ClientOperation, MonolithPlan, ScaffoldSource } from '../contract.js';
import { findAppSite, mountStatement } from './app-site.js';
import { HANDLER_SHAPES, isMonolithFramework, type MonolithFramework } from './framework.js';
import { resolveDomainAccess } from './domain-receivers.js';
import { importStyleOf, relativeSpecifier, type ImportStyle } from './module-specifier.js';
import { namesFor, quote, toPascal, uniqueNamer, type CandidateNames } from './names.js';
import { INTERNAL_LOCALS, renderInternal, type InternalEndpoint } from './render-internal.js';
import { renderLocal, renderPort, renderToggle, type PortRoute } from './render-port.js';
import { renderRemote } from './render-remote.js';
import { findRouteSites } from './route-sites.js';
import { ServiceFiles } from './service-files.js';
import { applyInsertions, filePatch, type Insertion } from './unified-patch.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

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

/** The framework most of the candidate's routes use (Express when none is supported). */
function mainFramework(entries: readonly EntryFact[]): MonolithFramework {
  const counts = new Map<MonolithFramework, number>();
  for (const entry of entries) if (isMonolithFramework(entry.framework)) counts.set(entry.framework, (counts.get(entry.framework) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'express';
}

/** The Koa router package the service already imports, so the internal router adds no dependency. */
function koaRouterPackage(files: ServiceFiles, candidates: readonly string[]): string {
  const used = candidates.flatMap((file) => files.get(file).getImportDeclarations().map((d) => d.getModuleSpecifierValue()));
  return used.find((spec) => spec === '@koa/router' || spec === 'koa-router') ?? '@koa/router';
}

class FileEdits {
  private readonly imports = new Map<string, string[]>();
  private readonly insertions = new Map<string, Insertion[]>();

  constructor(private readonly files: ServiceFiles) {}

  /** Adds `import { name } from 'specifier'` unless the file already imports that name. */
  addImport(file: string, name: string, specifier: string): void {
    const present = this.files.get(file).getImportDeclarations().some((d) => d.getNamedImports().some((n) => (n.getAliasNode() ?? n.getNameNode()).getText() === name));
    const line = `import { ${name} } from '${specifier}';`;
    const lines = this.imports.get(file) ?? [];
    if (!present && !lines.includes(line)) lines.push(line);
    this.imports.set(file, lines);
  }

  insert(file: string, insertion: Insertion): void {
    this.insertions.set(file, [...(this.insertions.get(file) ?? []), insertion]);
  }

  /** One diff per touched file, in path order; imports go after the file's last import. */
  patch(): string {
    const files = this.files;
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
  const framework = mainFramework(entries);
  const shape = HANDLER_SHAPES[framework];
  const routed = entries.filter((entry) => entry.framework === framework);
  for (const entry of entries.filter((e) => e.framework !== framework)) notes.push(`${entry.id} (${entry.framework}): only ${framework} routes of this candidate are routed through the port; route it by hand`);
  const app = findAppSite(analysis, files, framework);
  const folder = carveFolder([app?.file ?? '', ...routed.map((e) => e.file)].filter(Boolean), names);
  const toggleFile = `${folder}/toggle.ts`;
  const internalFile = `${folder}/internal.ts`;
  const edits = new FileEdits(files);
  const operationOf = uniqueNamer([]);
  const routes: PortRoute[] = [];
  const byFile = new Map<string, EntryFact[]>();
  for (const entry of routed) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  const firstFile = [...byFile.keys()].sort()[0] ?? app?.file;
  const style = importStyleOf(firstFile ? files.get(firstFile).getImportDeclarations().map((d) => d.getModuleSpecifierValue()) : []);
  for (const [file, fileEntries] of [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const { sites, missing } = findRouteSites(files.get(file), fileEntries);
    for (const entry of missing) notes.push(`${entry.id}: its registration in ${file}:${entry.line} was not found; wrap its handler in via${names.pascal}() by hand`);
    const text = files.get(file).getFullText();
    for (const site of sites.sort((a, b) => a.start - b.start)) {
      // Regenerating over an applied patch: the route already goes through the port, keep its name.
      const routedAlready = new RegExp(`^via${names.pascal}\\(\\s*['"](\\w+)['"]`).exec(text.slice(site.start, site.end));
      const operation = operationOf(routedAlready?.[1] ?? operationName(site.entry, analysis));
      routes.push({ operation, method: site.entry.method, path: site.entry.path });
      if (routedAlready) continue;
      edits.insert(file, { at: site.start, text: `via${names.pascal}(${quote(operation)}, ` });
      edits.insert(file, { at: site.end, text: ')' });
    }
    if (sites.length > 0) edits.addImport(file, `via${names.pascal}`, relativeSpecifier(file, toggleFile, style));
  }
  const planned: RenderedFile[] = [];
  if (routes.length > 0) {
    planned.push(
      { path: `${folder}/port.ts`, content: renderPort(names, routes, shape) },
      { path: `${folder}/local.ts`, content: renderLocal(names, routes, style, shape) },
      { path: `${folder}/remote.ts`, content: renderRemote(names, routes, style, shape) },
      { path: toggleFile, content: renderToggle(names, style, shape) },
    );
  }
  if (operations.length > 0 && app) {
    const internal = internalEndpoints(source, files, operations, internalFile, style, names);
    notes.push(...internal.notes);
    planned.push({ path: internalFile, content: renderInternal(names, internal.endpoints, internal.imports, framework, koaRouterPackage(files, [app.file, ...byFile.keys()])) });
    edits.addImport(app.file, `${names.camel}InternalRouter`, relativeSpecifier(app.file, internalFile, style));
    const mount = mountStatement(framework, app.appName, `${names.camel}InternalRouter`);
    if (!files.get(app.file).getFullText().includes(mount)) edits.insert(app.file, { at: app.insertAt, text: `\n${app.indent}${mount}` });
  } else if (operations.length > 0) {
    notes.push(`no application object found to mount the internal endpoints on: expose the ${operations.length} endpoints under ${operations[0]!.path.replace(/\/[^/]*$/, "")}/ by hand`);
  }
  return { candidate: candidate.id, files: planned, patch: edits.patch(), notes };
}
