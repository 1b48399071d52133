import { Node, type SourceFile, type VariableStatement } from 'ts-morph';
import type { Analysis } from '../../model/index.js';
import type { MonolithFramework } from './framework.js';
import type { ServiceFiles } from './service-files.js';

/** Where the application is created: the internal router is mounted right after it. */
export interface AppSite {
  file: string;
  appName: string;
  /** Offset just after the statement that creates the app. */
  insertAt: number;
  indent: string;
}

/** How each framework's application is made: `express()` or `new Koa()`, from the package's default export. */
const APP_PACKAGE: Record<MonolithFramework, { module: string; construct: boolean; mount: (app: string, router: string) => string }> = {
  express: { module: 'express', construct: false, mount: (app, router) => `${app}.use(${router});` },
  koa: { module: 'koa', construct: true, mount: (app, router) => `${app}.use(${router}.routes());` },
};

export function mountStatement(framework: MonolithFramework, app: string, router: string): string {
  return APP_PACKAGE[framework].mount(app, router);
}

function factoryNames(file: SourceFile, module: string): string[] {
  const names: string[] = [];
  for (const declaration of file.getImportDeclarations()) {
    if (declaration.getModuleSpecifierValue() !== module) continue;
    const binding = declaration.getDefaultImport() ?? declaration.getNamespaceImport();
    if (binding) names.push(binding.getText());
  }
  return names;
}

function appStatement(file: SourceFile, factories: readonly string[], construct: boolean): { statement: VariableStatement; name: string } | undefined {
  for (const declaration of file.getDescendants().filter(Node.isVariableDeclaration)) {
    const init = declaration.getInitializer();
    const made = construct ? (Node.isNewExpression(init) ? init : undefined) : Node.isCallExpression(init) ? init : undefined;
    if (!made || (made.getArguments()?.length ?? 0) > 0 || !factories.includes(made.getExpression().getText())) continue;
    const statement = declaration.getVariableStatement();
    if (statement && Node.isIdentifier(declaration.getNameNode())) return { statement, name: declaration.getName() };
  }
  return undefined;
}

/**
 * The file that makes the application (`express()`, `new Koa()`) and keeps it in a variable; when
 * several do (tests, tools), the one whose app gets the most `.use(` mounts. Internal endpoints go
 * first in that app, before any global middleware, so auth and logging of public traffic never see
 * them and catch-all handlers registered later cannot shadow them.
 */
export function findAppSite(analysis: Analysis, files: ServiceFiles, framework: MonolithFramework): AppSite | undefined {
  const { module, construct } = APP_PACKAGE[framework];
  let best: { site: AppSite; uses: number } | undefined;
  for (const { file } of [...analysis.files].sort((a, b) => a.file.localeCompare(b.file))) {
    const text = files.text(file);
    if (!text || (!text.includes(`'${module}'`) && !text.includes(`"${module}"`))) continue;
    const source = files.get(file);
    const factories = factoryNames(source, module);
    if (factories.length === 0) continue;
    const found = appStatement(source, factories, construct);
    if (!found) continue;
    const uses = text.split(`${found.name}.use(`).length - 1;
    const line = source.getFullText().slice(0, found.statement.getStart()).split('\n').at(-1) ?? '';
    const site: AppSite = { file, appName: found.name, insertAt: found.statement.getEnd(), indent: /^\s*/.exec(line)?.[0] ?? '' };
    if (!best || uses > best.uses) best = { site, uses };
  }
  return best?.site;
}
