import type { ts } from 'ts-morph';
import type { EntryFact } from '../../model/index.js';
import type { SymbolTable } from '../collect-symbols.js';

export interface AnalysedFile {
  sourceFile: ts.SourceFile;
  /** Posix path relative to the service root. */
  file: string;
}

export interface EntrypointContext {
  files: AnalysedFile[];
  checker: ts.TypeChecker;
  table: SymbolTable;
  warn: (message: string) => void;
  /** Absolute file name → posix path relative to the service root. */
  relativeFile: (fileName: string) => string;
}

/**
 * One framework's way of declaring HTTP entry points. Adapters are plain objects with this
 * fixed contract, listed in index.ts; each returns entries with full (mounted) paths.
 */
export interface EntrypointAdapter {
  framework: string;
  /** Cheap syntactic test (does any file import the framework?) before any checker work. */
  applies: (context: EntrypointContext) => boolean;
  extract: (context: EntrypointContext) => Omit<EntryFact, 'id'>[];
}
