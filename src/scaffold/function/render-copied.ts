import { Node, type SourceFile, type Statement } from 'ts-morph';
import type { RenderedFile } from '../../model/index.js';
import type { Naming } from './carried-text.js';
import type { Needs } from './collect-needs.js';
import { copiedPath, renderImports } from './package-layout.js';

/**
 * One monolith file as it moves into the function: only the statements the candidate reaches, in
 * their order and with their comments, under imports rewritten to the package's own modules.
 */
export function renderCopiedFile(sourceFile: SourceFile, kept: ReadonlySet<Statement>, needs: Needs, naming: Naming): RenderedFile {
  const relative = needs.index.relativePath(sourceFile);
  const file = copiedPath(relative);
  const statements = sourceFile.getStatements();
  const first = statements[0];
  const header = first && !kept.has(first) ? first.getLeadingCommentRanges().map((range) => range.getText()).join('\n') : '';
  const body = statements.filter((statement) => kept.has(statement)).map((statement) => exported(statement, needs).replace(/^\n+/, '\n'));
  const imports = renderImports(relative, file, needs, naming);
  // A file with neither imports nor exports would be a script, its declarations global.
  if (!imports.length && !body.some((text) => /^\s*export\b/m.test(text))) body.push('export {};');
  const parts = [`// Copied by carve from ${relative}; this file is yours to edit.`, header, imports.join('\n'), body.join('\n').replace(/^\n+/, '')].filter(Boolean);
  return { path: file, content: `${parts.join('\n\n').trimEnd()}\n` };
}

/** A statement's text with its leading comments; `export` added when the function imports it. */
function exported(statement: Statement, needs: Needs): string {
  const text = statement.getFullText();
  if (!needs.mustExport.has(statement) || (Node.isExportable(statement) && statement.isExported())) return text;
  const at = statement.getStart() - statement.getFullStart();
  return `${text.slice(0, at)}export ${text.slice(at)}`;
}
