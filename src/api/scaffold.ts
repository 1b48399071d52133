import fs from 'node:fs';
import path from 'node:path';
import { readAnalysisFile, resolveAnalyzeOptions } from '../config/index.js';
import { loadProject } from '../load/index.js';
import { InputError, type Analysis, type Candidate, type RenderedFile } from '../model/index.js';
import type { CandidateBranch } from '../emit/index.js';
import { measureBundles, planFunctionPackage, SCAFFOLD_TARGETS, withGeneratedHeader, type BundleFigures, type FunctionPackagePlan, type ScaffoldSource, type ScaffoldTarget } from '../scaffold/index.js';
import { analyze } from './analyze.js';
import { planMonolithSide, type MonolithSide } from './scaffold-monolith.js';
import { TOOL_VERSION } from './tool-version.js';
import { renderScaffoldSummary } from './scaffold-summary.js';

export interface ScaffoldRequest {
  /** A service root (analysed first) or a saved analysis.json. */
  input: string;
  /** Candidate ids, or `all`. */
  candidates: readonly string[];
  targets?: readonly string[];
  /** The service root, when `input` is an analysis.json (the model carries no absolute paths). */
  service?: string;
  cwd?: string;
  /** The command that regenerates this output, written into every generated file's header and the PR. */
  regenerateCommand?: string;
}

export interface ScaffoldedFunction {
  plan: FunctionPackagePlan & { notRemotable: string[] };
  bundle: BundleFigures;
  monolith: MonolithSide;
  /** For `--git`: the function package, the monolith's new files, its patch and PR.md, relative to the service root. */
  branch: CandidateBranch;
}

export interface ScaffoldResult {
  analysis: Analysis;
  serviceRoot: string;
  functions: ScaffoldedFunction[];
  /** Everything to write, relative to the output folder (functions/<name>/…, monolith/<name>/…, summary.md). */
  files: RenderedFile[];
}

function parseTargets(targets: readonly string[] | undefined): ScaffoldTarget[] {
  const chosen = (targets ?? SCAFFOLD_TARGETS).flatMap((target) => target.split(',')).map((target) => target.trim()).filter(Boolean);
  for (const target of chosen) if (!SCAFFOLD_TARGETS.includes(target as ScaffoldTarget)) throw new InputError(`--target: unknown target "${target}"; choose from ${SCAFFOLD_TARGETS.join(', ')}`);
  if (!chosen.length) throw new InputError(`--target: name at least one of ${SCAFFOLD_TARGETS.join(', ')}`);
  return SCAFFOLD_TARGETS.filter((target) => chosen.includes(target));
}

function chooseCandidates(analysis: Analysis, ids: readonly string[]): Candidate[] {
  if (ids.includes('all')) return analysis.candidates;
  const byId = new Map(analysis.candidates.map((candidate) => [candidate.id, candidate]));
  return ids.map((id) => {
    const candidate = byId.get(id);
    if (!candidate) throw new InputError(`--candidate: no candidate "${id}"; the analysis has ${analysis.candidates.map((c) => c.id).join(', ') || 'none'}`);
    return candidate;
  });
}

/** Moved code and the route tests are the user's from the first run: no do-not-edit header on them. */
function isUserOwned(file: string): boolean {
  return /^functions\/[^/]+\/(src\/glue\/|test\/routes\.test\.ts$)/.test(file);
}

/**
 * The dependency lists of the service's package.json, or nothing when it has none or it cannot be
 * read: the analysis did not need it, so neither does the scaffold (packages then get '*').
 */
function readManifest(serviceRoot: string): { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined {
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(serviceRoot, 'package.json'), 'utf8'));
    if (!manifest || typeof manifest !== 'object') return undefined;
    const list = (value: unknown): Record<string, string> | undefined =>
      value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === 'string')) : undefined;
    const { dependencies, devDependencies } = manifest as Record<string, unknown>;
    return { ...(list(dependencies) ? { dependencies: list(dependencies) } : {}), ...(list(devDependencies) ? { devDependencies: list(devDependencies) } : {}) };
  } catch {
    return undefined;
  }
}

/** The analysis and the service root, from a service path (analysed now) or a saved analysis.json. */
function readSource(request: ScaffoldRequest, cwd: string): ScaffoldSource {
  const input = path.resolve(cwd, request.input);
  if (fs.existsSync(input) && fs.statSync(input).isFile()) {
    if (!request.service) throw new InputError(`${input}: scaffolding from a saved analysis needs --service <path>, the service root it was made from`);
    return { analysis: readAnalysisFile(input), serviceRoot: resolveAnalyzeOptions({ path: request.service, cwd }).root };
  }
  const { analysis, options } = analyze({ path: input, cwd });
  return { analysis, serviceRoot: options.root };
}

/**
 * `carve scaffold`: each chosen candidate as a function package, with its bundle measured. No writes:
 * the CLI hands `files` to emit/.
 */
export async function scaffold(request: ScaffoldRequest): Promise<ScaffoldResult> {
  const cwd = request.cwd ?? process.cwd();
  const targets = parseTargets(request.targets);
  const source = readSource(request, cwd);
  const candidates = chooseCandidates(source.analysis, request.candidates);
  const tsconfig = source.analysis.options.tsconfig;
  const { project } = loadProject(resolveAnalyzeOptions({ path: source.serviceRoot, cwd, ...(tsconfig ? { tsconfig: path.join(source.serviceRoot, tsconfig) } : {}) }));
  const regenerateCommand = request.regenerateCommand ?? `carve scaffold ${request.input} --candidate ${request.candidates.join(' ')}`;
  const header = (file: RenderedFile): RenderedFile => (isUserOwned(file.path) ? file : withGeneratedHeader(file, TOOL_VERSION, regenerateCommand));
  const functions: ScaffoldedFunction[] = [];
  const files: RenderedFile[] = [];
  const manifest = readManifest(source.serviceRoot);
  for (const candidate of candidates) {
    const plan = planFunctionPackage(source, project, candidate, { targets, ...(manifest ? { manifest } : {}) });
    const prefix = `functions/${plan.name}/`;
    const bundle = await measureBundles(plan.files.map((file) => ({ path: file.path.slice(prefix.length), content: file.content })), targets);
    const bundleFile = { path: `${prefix}carve-bundle.json`, content: `${JSON.stringify({ candidate: candidate.id, coldStart: { bundleBytes: bundle.bundleBytes, dependencies: bundle.dependencies.length }, ...bundle }, null, 2)}\n` };
    const packageFiles = [...plan.files, bundleFile].map(header);
    const monolith = planMonolithSide(source, candidate, { toolVersion: TOOL_VERSION, regenerateCommand, functionPackage: plan });
    files.push(...packageFiles, ...monolith.outputFiles);
    functions.push({ plan, bundle, monolith, branch: { ...monolith.branch, files: [...packageFiles, ...monolith.branch.files] } });
  }
  files.push(header({ path: 'summary.md', content: renderScaffoldSummary(source.analysis, functions) }));
  return { analysis: source.analysis, serviceRoot: source.serviceRoot, functions, files };
}
