import path from 'node:path';
import picomatch from 'picomatch';
import { Project, ts, type SourceFile } from 'ts-morph';
import fs from 'node:fs';
import { InputError, type AnalyzeOptions, type SkippedFile } from '../model/index.js';
import { compareStrings, isInside, relativePosix } from '../util/index.js';
import { findWorkspace } from './find-workspace.js';
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
}

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  allowJs: false,
};

export function loadProject(options: AnalyzeOptions): LoadedProject {
  const warnings: string[] = [];
  const workspace = findWorkspace(options.root, (message) => warnings.push(message));
  const isAnalysable = (file: string): boolean => {
    const absolute = path.resolve(file);
    if (absolute.endsWith('.d.ts') || !isInside(options.scope, absolute) || absolute.split(path.sep).includes('node_modules')) return false;
    return options.includeTests || !isTestFile(relativePosix(options.root, absolute));
  };
  let compilerOptions = DEFAULT_OPTIONS;
  let fileNames: string[];
  if (options.tsconfig) {
    const parsed = readServiceTsconfig(options.tsconfig, workspaceConfigHost(workspace), isAnalysable);
    compilerOptions = parsed.compilerOptions;
    fileNames = parsed.fileNames;
    warnings.push(...parsed.warnings);
  } else {
    fileNames = listSourceFiles(options.root);
    warnings.push('no tsconfig.json found: analysing every .ts file under the service root with default options');
  }

  // The service's own `paths` win over the generated ones for the same pattern.
  const paths = workspace ? { ...workspacePaths(workspace), ...compilerOptions.paths } : compilerOptions.paths;
  const project = new Project({
    compilerOptions: {
      ...compilerOptions,
      ...(paths ? { paths } : {}),
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
  for (const fileName of [...fileNames].sort()) {
    const absolute = path.resolve(fileName);
    // Checked before parsing: a generated 40 MB bundle would cost more than the whole service.
    const size = fs.statSync(absolute, { throwIfNoEntry: false })?.size ?? 0;
    if (size > options.maxFileBytes && !absolute.endsWith('.d.ts')) {
      if (isInside(options.scope, absolute)) skipped.push({ file: relativePosix(options.root, absolute), reason: `larger than ${options.maxFileBytes / 1024} KiB (${Math.ceil(size / 1024)} KiB)` });
      continue;
    }
    const sourceFile = project.addSourceFileAtPath(absolute);
    if (!isAnalysable(absolute) || excluded(relativePosix(options.root, absolute))) continue;
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
  return { project, root: options.root, sourceFiles: analysed, skipped, warnings };
}
