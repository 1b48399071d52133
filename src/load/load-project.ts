import path from 'node:path';
import picomatch from 'picomatch';
import { Project, ts, type SourceFile } from 'ts-morph';
import fs from 'node:fs';
import { InputError, type AnalyzeOptions, type SkippedFile } from '../model/index.js';
import { compareStrings, isCarveGenerated, isInside, relativePosix } from '../util/index.js';
import { findWorkspace, type Workspace } from './find-workspace.js';
import { readServiceTsconfig } from './follow-references.js';
import { listSourceFiles } from './list-source-files.js';
import { isTestFile } from './test-files.js';
import { workspaceConfigHost } from './workspace-config-host.js';
import { workspacePaths } from './workspace-paths.js';
import { workspaceSourcesReached } from './workspace-sources.js';

/** The one object that carries ts-morph out of this stage; only extract/ (and scaffold/) read it. */
export interface LoadedProject {
  project: Project;
  root: string;
  /** The files to analyse, sorted by path: tests, declarations and excluded globs left out. */
  sourceFiles: SourceFile[];
  /** Files left out before parsing (too large), with why. */
  skipped: SkippedFile[];
  warnings: string[];
  /** Root files left unread because of their size, absolute, with that size: a cache keys on it. */
  unread?: { file: string; size: number }[];
}

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  allowJs: false,
};

/** What the project is made of before anything is parsed: enough to key a cache on. */
export interface ProjectInputs {
  compilerOptions: ts.CompilerOptions;
  /** Root file names from the tsconfig (or the folder walk), absolute. */
  fileNames: string[];
  warnings: string[];
  /** The npm/pnpm workspace around the service, whose packages map to their sources (in `paths`). */
  workspace: Workspace | null;
}

/** Whether carve analyses a file (rather than only letting the checker read it). */
function analysable(options: AnalyzeOptions, file: string): boolean {
  const absolute = path.resolve(file);
  if (absolute.endsWith('.d.ts') || !isInside(options.scope, absolute) || absolute.split(path.sep).includes('node_modules')) return false;
  return options.includeTests || !isTestFile(relativePosix(options.root, absolute));
}

export function readProjectInputs(options: AnalyzeOptions): ProjectInputs {
  const warnings: string[] = [];
  const workspace = findWorkspace(options.root, (message) => warnings.push(message));
  let compilerOptions = DEFAULT_OPTIONS;
  let fileNames: string[];
  if (options.tsconfig) {
    const parsed = readServiceTsconfig(options.tsconfig, workspaceConfigHost(workspace), (file) => analysable(options, file));
    compilerOptions = parsed.compilerOptions;
    fileNames = parsed.fileNames;
    warnings.push(...parsed.warnings);
  } else {
    fileNames = listSourceFiles(options.root);
    warnings.push('no tsconfig.json found: analysing every .ts file under the service root with default options');
  }
  // The service's own `paths` win over the generated ones for the same pattern; being compiler
  // options, the generated ones also key the cache.
  const paths = workspace ? { ...workspacePaths(workspace), ...compilerOptions.paths } : compilerOptions.paths;
  return { compilerOptions: { ...compilerOptions, ...(paths ? { paths } : {}) }, fileNames, warnings, workspace };
}

/**
 * Every file the program read that is not TypeScript's own lib: the root files plus what imports
 * and `types` pulled in. A change to any of them can change the facts.
 */
export function programFiles(loaded: LoadedProject): { file: string; text?: string; size?: number }[] {
  const program = loaded.project.getProgram().compilerObject;
  const read = program
    .getSourceFiles()
    .filter((sourceFile) => !program.isSourceFileDefaultLibrary(sourceFile))
    .map((sourceFile) => ({ file: sourceFile.fileName, text: sourceFile.text }));
  return [...read, ...(loaded.unread ?? [])];
}

export function loadProject(options: AnalyzeOptions, inputs: ProjectInputs = readProjectInputs(options)): LoadedProject {
  const warnings = [...inputs.warnings];
  const { compilerOptions, fileNames, workspace } = inputs;

  const project = new Project({
    compilerOptions: {
      ...compilerOptions,
      // Options that would make the checker do work carve never uses, or stop on option errors.
      noEmit: true,
      skipLibCheck: true,
      declaration: false,
      sourceMap: false,
      composite: false,
      incremental: false,
    },
    skipAddingFilesFromTsConfig: true,
    skipLoadingLibFiles: false,
  });

  const excluded = options.config.exclude.length ? picomatch(options.config.exclude, { dot: true }) : () => false;
  const analysed: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const unread: { file: string; size: number }[] = [];
  for (const fileName of [...fileNames].sort()) {
    const absolute = path.resolve(fileName);
    // Checked before parsing: a generated 40 MB bundle would cost more than the whole service.
    const size = fs.statSync(absolute, { throwIfNoEntry: false })?.size ?? 0;
    if (size > options.maxFileBytes && !absolute.endsWith('.d.ts')) {
      unread.push({ file: absolute, size });
      // Only files carve would have analysed are worth listing: not an oversized generated e2e fixture.
      if (analysable(options, absolute)) skipped.push({ file: relativePosix(options.root, absolute), reason: `larger than ${options.maxFileBytes / 1024} KiB (${Math.ceil(size / 1024)} KiB)` });
      continue;
    }
    const sourceFile = project.addSourceFileAtPath(absolute);
    if (!analysable(options, absolute) || excluded(relativePosix(options.root, absolute))) continue;
    if (isCarveGenerated(sourceFile.getFullText())) {
      // carve's own scaffold (ports, adapters, function packages) is not the service's code.
      skipped.push({ file: relativePosix(options.root, absolute), reason: 'generated by carve scaffold' });
      continue;
    }
    analysed.push(sourceFile);
  }
  project.resolveSourceFileDependencies();
  if (workspace) {
    for (const sourceFile of workspaceSourcesReached(analysed, workspace, options)) {
      if (!excluded(relativePosix(options.root, sourceFile.getFilePath()))) analysed.push(sourceFile);
    }
    analysed.sort((a, b) => compareStrings(a.getFilePath(), b.getFilePath()));
  }

  if (analysed.length === 0) {
    const where = options.tsconfig ?? options.root;
    throw new InputError(`${where}: no TypeScript source files to analyse (after excluding tests and declarations)`);
  }
  return { project, root: options.root, sourceFiles: analysed, skipped, warnings, unread };
}
