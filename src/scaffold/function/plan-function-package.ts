import type { Project } from 'ts-morph';
import type { Candidate, EntryFact, RenderedFile } from '../../model/index.js';
import type { FunctionPackagePlan, ScaffoldSource, ScaffoldTarget } from '../contract.js';
import { Naming } from './carried-text.js';
import { Needs, ROUTES_OWNER } from './collect-needs.js';
import { renderCopiedFile } from './render-copied.js';
import { renderPackageFiles } from './render-package-files.js';
import { renderRemoteModules } from './render-remote.js';
import { renderRoutes } from './render-routes.js';
import { renderTests } from './render-tests.js';
import { findRegistration } from './route-registrations.js';
import { isShimmedType } from './package-layout.js';
import { RUNTIME_FILES } from './runtime-files.js';
import { ScaffoldError } from './scaffold-error.js';
import { SourceIndex } from './source-index.js';

export interface FunctionPlanOptions {
  targets: readonly ScaffoldTarget[];
  /** The monolith's own package.json dependency lists, so the package pins what the monolith pins. */
  manifest?: MonolithManifest;
}

export interface MonolithManifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** `@types/x` for `x`, `@types/scope__x` for `@scope/x`: where DefinitelyTyped publishes a package's types. */
function typesPackageOf(pkg: string): string {
  return pkg.startsWith('@') ? `@types/${pkg.slice(1).replace('/', '__')}` : `@types/${pkg}`;
}

/**
 * The copied code's imports as npm dependencies, at the monolith's versions ('*' when it declares
 * none), plus the `@types/` packages the monolith installs for them: without those, copied code that
 * uses a package's types does not type-check on its own.
 */
function packageDependencies(modules: Iterable<string>, manifest: MonolithManifest = {}): { dependencies: Record<string, string>; typeDependencies: Record<string, string> } {
  const declared = { ...manifest.devDependencies, ...manifest.dependencies };
  const dependencies: Record<string, string> = {};
  const typeDependencies: Record<string, string> = {};
  for (const module of modules) {
    const pkg = module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : module.split('/')[0]!;
    dependencies[pkg] = declared[pkg] ?? '*';
    const types = typesPackageOf(pkg);
    if (declared[types]) typeDependencies[types] = declared[types]!;
  }
  return { dependencies, typeDependencies };
}

/** A name safe as a folder, an npm package name and a function name: lower case, digits, dashes. */
export function safeName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'function'
  );
}

const SHIMMED_FRAMEWORKS = new Set(['express', 'koa']);

const ENTRY_FILES: Record<ScaffoldTarget, string> = { fc3: 'entry/fc3.ts', lambda: 'entry/lambda.ts', node: 'entry/node.ts' };

function entriesOf(source: ScaffoldSource, candidate: Candidate): EntryFact[] {
  const byId = new Map(source.analysis.entries.map((entry) => [entry.id, entry]));
  return candidate.entries.map((id) => {
    const entry = byId.get(id);
    if (!entry) throw new ScaffoldError(`candidate ${candidate.id}: route ${id} is not among the analysis's entries; the analysis is inconsistent`);
    if (!SHIMMED_FRAMEWORKS.has(entry.framework)) throw new ScaffoldError(`${entry.file}:${entry.line}: ${entry.id} is a ${entry.framework} route; carve scaffold carries Express and Koa routes so far`);
    return entry;
  });
}

/**
 * One candidate as an npm package under functions/<name>/: the routes it serves, the glue they reach
 * (copied), clients for the domain calls, ports for the infrastructure, an entry per target, tests.
 * Pure but for reading the monolith's sources through the ts-morph project it is given.
 */
export function planFunctionPackage(source: ScaffoldSource, project: Project, candidate: Candidate, options: FunctionPlanOptions): FunctionPackagePlan & { notRemotable: string[] } {
  const name = safeName(candidate.name);
  const functionName = safeName(`${source.analysis.service.name}-${name}`);
  const entries = entriesOf(source, candidate);
  const index = new SourceIndex(source.serviceRoot, source.analysis);
  const needs = new Needs(index);
  const naming = new Naming();
  const registrations = entries.map((entry) => findRegistration(project, source.serviceRoot, entry));
  for (const registration of registrations) for (const handler of registration.handlers) needs.walk(handler, ROUTES_OWNER);

  const remote = renderRemoteModules(needs, naming, source.analysis, candidate, name);
  const copied = [...needs.copied].sort(([a], [b]) => a.getFilePath().localeCompare(b.getFilePath())).map(([sourceFile, statements]) => renderCopiedFile(sourceFile, statements, needs, naming));
  const imported = [...needs.imports.values()].flatMap((imports) => [...imports.values()]);
  const { dependencies, typeDependencies } = packageDependencies(
    imported.filter((entry) => entry.module && !entry.module.startsWith('node:') && !isShimmedType(entry.module, entry.importedName)).map((entry) => entry.module!),
    options.manifest,
  );
  const frameworks = new Set(entries.map((entry) => entry.framework));
  const runtime = Object.entries(RUNTIME_FILES)
    .filter(([path]) => !path.startsWith('entry/') || options.targets.some((target) => ENTRY_FILES[target] === path))
    .filter(([path]) => !/-shim\.ts$/.test(path) || [...frameworks].some((framework) => path === `src/http/${framework}-shim.ts`))
    .map(([path, content]) => ({ path, content }));
  const files: RenderedFile[] = [
    ...runtime,
    renderRoutes(registrations, needs, naming),
    ...remote.files,
    ...copied,
    ...renderTests(entries, options.targets, functionName),
    ...renderPackageFiles({
      serviceName: source.analysis.service.name,
      candidate,
      name,
      functionName,
      entries,
      targets: options.targets,
      operations: remote.operations,
      notRemotable: remote.notRemotable,
      ports: remote.ports,
      copiedFiles: copied.map((file) => file.path),
      dependencies,
      typeDependencies,
    }),
  ];
  return {
    candidate: candidate.id,
    name,
    files: files.map((file) => ({ path: `functions/${name}/${file.path}`, content: file.content })).sort((a, b) => a.path.localeCompare(b.path)),
    operations: remote.operations,
    notRemotable: remote.notRemotable,
  };
}
