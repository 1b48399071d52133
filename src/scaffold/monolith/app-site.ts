import { Node, type SourceFile, type VariableStatement } from 'ts-morph';
import type { Analysis } from '../../model/index.js';
import type { ServiceFiles } from './service-files.js';

/** Where the Express application is created: the internal router is mounted right after it. */
export interface AppSite {
  file: string;
  appName: string;
  /** Offset just after the statement that creates the app. */
  insertAt: number;
  indent: string;
}

function expressFactoryNames(file: SourceFile): string[] {
  const names: string[] = [];
  for (const declaration of file.getImportDeclarations()) {
    if (declaration.getModuleSpecifierValue() !== 'express') continue;
    const fallback = declaration.getDefaultImport() ?? declaration.getNamespaceImport();
    if (fallback) names.push(fallback.getText());
  }
  return names;
}

function appStatement(file: SourceFile, factories: readonly string[]): { statement: VariableStatement; name: string } | undefined {
  for (const declaration of file.getDescendants().filter(Node.isVariableDeclaration)) {
    const init = declaration.getInitializer();
    if (!init || !Node.isCallExpression(init) || init.getArguments().length > 0) continue;
    if (!factories.includes(init.getExpression().getText())) continue;
    const statement = declaration.getVariableStatement();
    if (statement && Node.isIdentifier(declaration.getNameNode())) return { statement, name: declaration.getName() };
  }
  return undefined;
}

/**
 * The file that calls `express()` and keeps the result in a variable; when several do (tests, tools),
 * the one whose app gets the most `.use(` mounts. Internal endpoints go first in that app, before
 * any global middleware, so auth and logging of public traffic never see them and catch-all
 * handlers registered later cannot shadow them.
 */
export function findAppSite(analysis: Analysis, files: ServiceFiles): AppSite | undefined {
  let best: { site: AppSite; uses: number } | undefined;
  for (const { file } of [...analysis.files].sort((a, b) => a.file.localeCompare(b.file))) {
    const text = files.text(file);
    if (!text || !text.includes('express')) continue;
    const source = files.get(file);
    const factories = expressFactoryNames(source);
    if (factories.length === 0) continue;
    const found = appStatement(source, factories);
    if (!found) continue;
    const uses = text.split(`${found.name}.use(`).length - 1;
    const line = source.getFullText().slice(0, found.statement.getStart()).split('\n').at(-1) ?? '';
    const site: AppSite = { file, appName: found.name, insertAt: found.statement.getEnd(), indent: /^\s*/.exec(line)?.[0] ?? '' };
    if (!best || uses > best.uses) best = { site, uses };
  }
  return best?.site;
}
