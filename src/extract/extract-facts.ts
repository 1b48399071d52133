import { ts } from 'ts-morph';
import type { LoadedProject } from '../load/index.js';
import type { EffectKind, EntryFact, Facts, SkippedFile, TransactionFact } from '../model/index.js';
import { byKey, compareStrings, countLoc, relativePosix, sortedUnique } from '../util/index.js';
import { collectCall, type CallsResult } from './collect-calls.js';
import { collectTransaction } from './collect-transactions.js';
import { collectStateDeclarations, createStateTable, recordStateAccess } from './collect-state.js';
import { collectSymbols, createSymbolTable, walkWithOwner } from './collect-symbols.js';
import { createEffectLookup } from './effect-kinds.js';
import { ENTRYPOINT_ADAPTERS, type AnalysedFile } from './entrypoints/index.js';
import { collectProviderBindings } from './provider-bindings.js';
import { isProjectFileFactory, type ResolveContext } from './resolve-target.js';

export interface ExtractOptions {
  effects: Readonly<Record<string, EffectKind>>;
}

/** `require(x)` or `import(x)` whose argument is not a string literal: carve cannot know what it loads. */
function isDynamicLoad(call: ts.CallExpression): boolean {
  const isLoader = call.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(call.expression) && call.expression.text === 'require');
  const arg = call.arguments[0];
  return isLoader && arg !== undefined && !ts.isStringLiteral(arg) && !ts.isNoSubstitutionTemplateLiteral(arg);
}

/** TypeScript keeps syntax errors on the source file; they are not part of its public typings. */
function firstSyntaxError(sourceFile: ts.SourceFile): string | undefined {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const line = sourceFile.getLineAndCharacterOfPosition(first.start).line + 1;
  return `syntax error at line ${line}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`;
}

/**
 * LoadedProject → Facts. The three passes share one symbol table; the only checker calls are
 * for call sites, route registrations and references whose name is a known state variable.
 */
export function extractFacts(loaded: LoadedProject, options: ExtractOptions): Facts {
  const program = loaded.project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const warnings: string[] = [];
  const skipped: SkippedFile[] = [...loaded.skipped];

  const files: AnalysedFile[] = [];
  for (const wrapped of loaded.sourceFiles) {
    const sourceFile = program.getSourceFile(wrapped.getFilePath());
    const file = relativePosix(loaded.root, wrapped.getFilePath());
    if (!sourceFile) {
      skipped.push({ file, reason: 'not part of the TypeScript program' });
      continue;
    }
    const syntaxError = firstSyntaxError(sourceFile);
    if (syntaxError) {
      skipped.push({ file, reason: syntaxError });
      continue;
    }
    files.push({ sourceFile, file });
  }

  const table = createSymbolTable();
  for (const { sourceFile, file } of files) collectSymbols(sourceFile, file, table);

  const entryContext = { files, checker, table, warn: (message: string) => warnings.push(message), relativeFile: (fileName: string) => relativePosix(loaded.root, fileName) };
  const rawEntries = ENTRYPOINT_ADAPTERS.filter((adapter) => adapter.applies(entryContext)).flatMap((adapter) => adapter.extract(entryContext));
  const entries: EntryFact[] = [];
  const seenEntries = new Set<string>();
  for (const raw of rawEntries) {
    const id = `${raw.method} ${raw.path}`;
    if (seenEntries.has(id)) {
      warnings.push(`${raw.file}:${raw.line}: ${id} is registered more than once; the first registration is kept`);
      continue;
    }
    seenEntries.add(id);
    entries.push({ id, ...raw });
  }

  const stateTable = createStateTable();
  for (const { sourceFile, file } of files) collectStateDeclarations(sourceFile, file, (node) => table.byDeclaration.has(node), stateTable);

  const resolveContext: ResolveContext = {
    checker,
    table,
    isProjectFile: isProjectFileFactory(program),
    isLibFile: (sourceFile) => program.isSourceFileDefaultLibrary(sourceFile),
    implementations: new Map(),
    boundClasses: collectProviderBindings(files.map((analysed) => analysed.sourceFile), checker, table),
  };
  const effectKind = createEffectLookup(options.effects);
  const calls: CallsResult = { calls: [], effects: [], unresolved: 0 };
  const transactions: TransactionFact[] = [];
  for (const { sourceFile, file } of files) {
    walkWithOwner(sourceFile, table.owners, (node, owner) => {
      if (ts.isCallExpression(node) && isDynamicLoad(node)) {
        warnings.push(`${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}: ${node.expression.getText(sourceFile)}() of a computed path: the code it loads is not analysed`);
      }
      if (!owner) return;
      if (ts.isCallExpression(node)) collectTransaction(node, owner, sourceFile, file, transactions);
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) collectCall(node, owner, sourceFile, resolveContext, effectKind, calls);
      else if (ts.isIdentifier(node)) recordStateAccess(node, owner, checker, stateTable);
    });
  }

  for (const fact of stateTable.facts) {
    fact.readers = sortedUnique(fact.readers);
    fact.writers = sortedUnique(fact.writers);
    fact.mutable = fact.writers.length > 0;
  }

  return {
    files: files.map(({ sourceFile, file }) => ({ file, loc: countLoc(sourceFile.text) })).sort(byKey((f) => f.file)),
    symbols: [...table.symbols].sort(byKey((s) => s.id)),
    calls: calls.calls.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || a.line - b.line),
    entries,
    effects: calls.effects.sort((a, b) => compareStrings(a.symbol, b.symbol) || compareStrings(a.package, b.package) || a.line - b.line),
    // State no symbol touches (the app object, router variables) tells nothing about carving.
    state: stateTable.facts.filter((s) => s.readers.length + s.writers.length > 0).sort(byKey((s) => s.id)),
    transactions: transactions.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line),
    skipped: skipped.sort(byKey((s) => s.file)),
    warnings: [...loaded.warnings, ...warnings, ...(calls.unresolved ? [`${calls.unresolved} call sites resolved to nothing (dynamic or untyped calls)`] : [])],
  };
}
