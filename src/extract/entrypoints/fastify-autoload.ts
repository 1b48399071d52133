import path from 'node:path';
import { ts } from 'ts-morph';
import { importedFrom, unwrap } from '../ts-helpers.js';
import type { AnalysedFile } from './adapter.js';
import { expressionOption, objectLiteral } from './options-object.js';
import { joinRoutePath } from './route-paths.js';
import { staticStrings } from './static-strings.js';

const AUTOLOAD_PACKAGES = new Set(['@fastify/autoload', 'fastify-autoload']);
const SCRIPT = /\.(ts|mts|cts|js|mjs|cjs|tsx)$/;

/** A file `@fastify/autoload` registers: its default export is a plugin with this prefix. */
export interface AutoloadedFile {
  sourceFile: ts.SourceFile;
  prefix: string;
  /** `autohooks` files whose hooks reach this file's routes (`autoHooks`, and `cascadeHooks` for parent folders). */
  hookFiles: ts.SourceFile[];
}

/** Whether a `register` argument is `@fastify/autoload` (default or named import, or require). */
export function isAutoload(expression: ts.Expression, checker: ts.TypeChecker): boolean {
  const node = unwrap(expression);
  return ts.isIdentifier(node) && AUTOLOAD_PACKAGES.has(importedFrom(node, checker) ?? '');
}

const isTrue = (options: ts.ObjectLiteralExpression | undefined, name: string): boolean => expressionOption(options, name)?.kind === ts.SyntaxKind.TrueKeyword;

/**
 * The files `register(autoload, { dir, options: { prefix }, dirNameRoutePrefix, routeParams,
 * autoHooks, cascadeHooks })` loads, following autoload's documented defaults: every script of a
 * folder is a plugin unless the folder has an `index` file (then only that one), subfolders always;
 * a folder adds its name to the prefix (`_id` → `:id` with `routeParams`); `export const autoPrefix`
 * replaces the folder prefix. Files under `dir` that autoload skips are not plugins of anyone. Undefined when `dir` is not `join(__dirname | import.meta.dirname, 'x', ...)`.
 */
export function autoloadedFiles(call: ts.CallExpression, files: readonly AnalysedFile[], checker: ts.TypeChecker): { dir: string; loaded: AutoloadedFile[] } | undefined {
  const options = objectLiteral(call.arguments[1]);
  const dir = directoryOf(expressionOption(options, 'dir'), path.posix.dirname(call.getSourceFile().fileName), checker);
  if (!dir) return undefined;
  const prefixOption = expressionOption(objectLiteral(expressionOption(options, 'options')), 'prefix');
  const basePrefix = (prefixOption && staticStrings(prefixOption, checker)?.[0]) ?? '';
  const folderPrefixes = expressionOption(options, 'dirNameRoutePrefix')?.kind !== ts.SyntaxKind.FalseKeyword;
  const routeParams = isTrue(options, 'routeParams');
  const autoHooks = isTrue(options, 'autoHooks');
  const cascadeHooks = isTrue(options, 'cascadeHooks');

  const byFolder = new Map<string, ts.SourceFile[]>();
  for (const { sourceFile } of files) {
    const name = sourceFile.fileName;
    if (!name.startsWith(`${dir}/`) || !SCRIPT.test(name) || name.endsWith('.d.ts')) continue;
    const folder = path.posix.dirname(name);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), sourceFile]);
  }
  const stem = (sourceFile: ts.SourceFile): string => path.posix.basename(sourceFile.fileName).replace(SCRIPT, '');
  const hookFileOf = (folder: string): ts.SourceFile | undefined => (autoHooks ? byFolder.get(folder)?.find((sf) => stem(sf) === 'autohooks') : undefined);

  const loaded: AutoloadedFile[] = [];
  for (const [folder, inFolder] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const plugins = inFolder.filter((sf) => !(autoHooks && stem(sf) === 'autohooks'));
    const index = plugins.find((sf) => stem(sf) === 'index');
    const segments = path.posix.relative(dir, folder).split('/').filter(Boolean);
    const folderPrefix = folderPrefixes ? segments.map((segment) => (routeParams && segment.startsWith('_') ? `:${segment.slice(1)}` : segment)).join('/') : '';
    const hookFolders = cascadeHooks ? segments.map((_, i) => path.posix.join(dir, ...segments.slice(0, i + 1))) : [folder];
    const hookFiles = [...(cascadeHooks ? [dir] : []), ...hookFolders].filter((f, i, all) => all.indexOf(f) === i).map(hookFileOf).filter((sf): sf is ts.SourceFile => sf !== undefined);
    for (const sourceFile of index ? [index] : plugins) {
      const own = exportedAutoPrefix(sourceFile, checker);
      loaded.push({ sourceFile, prefix: joinRoutePath(basePrefix, own ?? (folderPrefix ? `/${folderPrefix}` : '')), hookFiles });
    }
  }
  return { dir, loaded };
}

/** `path.join(__dirname, 'routes')`, `join(import.meta.dirname, 'plugins', 'app')`, `resolve(...)`. */
function directoryOf(expression: ts.Expression | undefined, fileDir: string, checker: ts.TypeChecker): string | undefined {
  const call = expression ? unwrap(expression) : undefined;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const [base, ...rest] = call.arguments;
  if ((name !== 'join' && name !== 'resolve') || !base || !/dirname/i.test(base.getText())) return undefined;
  const parts = rest.map((part) => staticStrings(part, checker));
  if (parts.some((part) => part?.length !== 1)) return undefined;
  return path.posix.join(fileDir, ...parts.map((part) => part![0]!));
}

/** `export const autoPrefix = '/x'`: the plugin's own prefix, which autoload puts instead of the folder's. */
function exportedAutoPrefix(sourceFile: ts.SourceFile, checker: ts.TypeChecker): string | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === 'autoPrefix' && declaration.initializer) return staticStrings(declaration.initializer, checker)?.[0];
    }
  }
  return undefined;
}
