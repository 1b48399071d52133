import { commitBranches, writeGenerated, type CandidateBranch, type CommittedBranch, type WriteGeneratedResult } from '../emit/index.js';
import type { RenderedFile } from '../model/index.js';
import { withGeneratedHeader } from '../scaffold/index.js';

/** Exit code of `carve scaffold` when files the user edited were kept (everything else was written). */
export const EXIT_KEPT_EDITS = 4;

export interface EmitScaffoldOptions {
  out: string;
  force: boolean;
  /** Also commit one `carve/<candidate>` branch per candidate in the service's repository. */
  git: boolean;
  serviceRoot: string;
  toolVersion: string;
  regenerateCommand: string;
}

export interface EmitScaffoldResult {
  written: WriteGeneratedResult;
  branches: CommittedBranch[];
  /** One line per kept file, for stderr. */
  messages: string[];
  exitCode: 0 | typeof EXIT_KEPT_EDITS;
}

/**
 * Writes a scaffold: the branches first (every branch is checked before the first is made), then the
 * output folder, every file with its do-not-edit header. Files edited since carve wrote them are kept
 * and reported, with exit code 4, unless `force`.
 */
export function emitScaffold(files: readonly RenderedFile[], branches: readonly CandidateBranch[], options: EmitScaffoldOptions): EmitScaffoldResult {
  const header = (file: RenderedFile): RenderedFile => withGeneratedHeader(file, options.toolVersion, options.regenerateCommand);
  const committed = options.git ? commitBranches(options.serviceRoot, branches.map((branch) => ({ ...branch, files: branch.files.map(header) })), { force: options.force }) : [];
  const written = writeGenerated(options.out, files.map(header), { force: options.force, version: options.toolVersion });
  const messages = [...written.kept.map((file) => `carve: kept ${file}: changed since carve wrote it; --force overwrites it`), ...written.staleKept.map((file) => `carve: kept ${file}: no longer generated, but changed since carve wrote it`)];
  return { written, branches: committed, messages, exitCode: written.kept.length > 0 ? EXIT_KEPT_EDITS : 0 };
}
