import { ts } from 'ts-morph';
import { resolvedSymbol, unwrap } from '../ts-helpers.js';
import type { AnalysedFile } from './adapter.js';
import { constantString } from './constant-string.js';
import { decoratorsOf, importsOf, optionOf } from './decorators.js';
import { trimSlashes } from './nest-route-pattern.js';

const MAX_DEPTH = 8;

function classOf(expression: ts.Expression, checker: ts.TypeChecker): ts.ClassDeclaration | undefined {
  const value = unwrap(expression);
  if (!ts.isIdentifier(value)) return undefined;
  return resolvedSymbol(checker, value)?.declarations?.find(ts.isClassDeclaration);
}

/** An array literal, directly or through a `const routes: Routes = [...]`. */
function arrayOf(expression: ts.Expression | undefined, checker: ts.TypeChecker): readonly ts.Expression[] {
  const value = expression ? unwrap(expression) : undefined;
  if (!value) return [];
  if (ts.isArrayLiteralExpression(value)) return value.elements.filter((element): element is ts.Expression => !ts.isSpreadElement(element) && !ts.isOmittedExpression(element));
  if (!ts.isIdentifier(value)) return [];
  const declaration = resolvedSymbol(checker, value)?.valueDeclaration;
  return declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? arrayOf(declaration.initializer, checker) : [];
}

/** `@Module({ controllers: [A, B] })` class → the controller classes it declares. */
function moduleControllers(files: readonly AnalysedFile[], checker: ts.TypeChecker): Map<ts.ClassDeclaration, ts.ClassDeclaration[]> {
  const controllers = new Map<ts.ClassDeclaration, ts.ClassDeclaration[]>();
  for (const { sourceFile } of files) {
    if (!sourceFile.text.includes('controllers')) continue;
    const imports = importsOf(sourceFile);
    for (const statement of sourceFile.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      const module = decoratorsOf(statement, imports).find((decorator) => decorator.origin === '@nestjs/common:Module');
      if (!module) continue;
      const declared = arrayOf(optionOf(module.args[0], 'controllers'), checker).flatMap((element) => classOf(element, checker) ?? []);
      controllers.set(statement, declared);
    }
  }
  return controllers;
}

/**
 * Module path prefixes from `RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }])`:
 * controller class → the module paths it is served under (a module's own controllers only, as in Nest;
 * children inherit their parent's path, and a child given as a bare module class adds none).
 */
export function readModulePaths(files: readonly AnalysedFile[], checker: ts.TypeChecker): Map<ts.ClassDeclaration, string[]> {
  const paths = new Map<ts.ClassDeclaration, string[]>();
  const registrations = files.filter(({ sourceFile }) => sourceFile.text.includes('RouterModule'));
  if (registrations.length === 0) return paths;
  const controllersOf = moduleControllers(files, checker);
  const assign = (module: ts.ClassDeclaration, modulePath: string): void => {
    for (const controller of controllersOf.get(module) ?? []) paths.set(controller, [...new Set([...(paths.get(controller) ?? []), modulePath])]);
  };
  const visitRoutes = (routes: readonly ts.Expression[], parent: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const route of routes) {
      const bare = classOf(route, checker);
      if (bare) {
        assign(bare, parent);
        continue;
      }
      const own = constantString(optionOf(route, 'path'), checker);
      const full = [parent, trimSlashes(own ?? '')].filter(Boolean).join('/');
      const module = optionOf(route, 'module');
      const moduleClass = module ? classOf(module, checker) : undefined;
      if (moduleClass) assign(moduleClass, full);
      visitRoutes(arrayOf(optionOf(route, 'children'), checker), full, depth + 1);
    }
  };
  for (const { sourceFile } of registrations) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'register' && unwrap(node.expression.expression).getText(sourceFile) === 'RouterModule') {
        visitRoutes(arrayOf(node.arguments[0], checker), '', 0);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return paths;
}
