import { ts } from 'ts-morph';
import { lineOf, unwrap } from '../ts-helpers.js';
import type { AnalysedFile } from './adapter.js';
import { constantString } from './constant-string.js';
import { importsOf, optionOf, type ImportMap } from './decorators.js';
import { readRoutePattern, trimSlashes, type NestRoutePattern } from './nest-route-pattern.js';

/** A version as a route sees it: a string, or null for VERSION_NEUTRAL (no version segment). */
export type NestVersion = string | null;

/** What the bootstrap (`NestFactory.create(...)` and calls on the app it returns) says about paths. */
export interface NestAppSettings {
  globalPrefix: string;
  exclude: NestRoutePattern[];
  /** Present when URI versioning is enabled. */
  uriVersioning?: { prefix: string; defaultVersions: NestVersion[] };
}

/** `'1'`, `['1', '2']`, `VERSION_NEUTRAL`, `[VERSION_NEUTRAL, '1']`; undefined when not constant. */
export function readVersions(node: ts.Expression | undefined, imports: ImportMap, checker: ts.TypeChecker): NestVersion[] | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  const isNeutral = (element: ts.Expression): boolean => ts.isIdentifier(element) && imports.get(element.text) === '@nestjs/common:VERSION_NEUTRAL';
  if (isNeutral(value)) return [null];
  if (ts.isArrayLiteralExpression(value)) {
    const versions = value.elements.map((element) => (isNeutral(element) ? null : constantString(element, checker)));
    return versions.every((version): version is NestVersion => version !== undefined) ? versions : undefined;
  }
  const single = constantString(value, checker);
  return single === undefined ? undefined : [single];
}

/** `['health', { path: 'metrics', method: RequestMethod.GET }]`; entries that are not constant are dropped. */
function readExclusions(node: ts.Expression | undefined, checker: ts.TypeChecker): NestRoutePattern[] {
  const value = node ? unwrap(node) : undefined;
  if (!value || !ts.isArrayLiteralExpression(value)) return [];
  return value.elements.flatMap((element) => readRoutePattern(element, checker) ?? []);
}

function readVersioning(options: ts.Expression | undefined, imports: ImportMap, checker: ts.TypeChecker, warn: (message: string) => void, where: string): NestAppSettings['uriVersioning'] {
  const type = optionOf(options, 'type');
  // Header, media-type and custom versioning leave paths alone.
  if (type && !(ts.isPropertyAccessExpression(type) && type.name.text === 'URI')) return undefined;
  const prefixOption = optionOf(options, 'prefix');
  const prefix = prefixOption && unwrap(prefixOption).kind === ts.SyntaxKind.FalseKeyword ? '' : (constantString(prefixOption, checker) ?? 'v');
  const defaultOption = optionOf(options, 'defaultVersion');
  const defaultVersions = readVersions(defaultOption, imports, checker);
  if (defaultOption && !defaultVersions) warn(`${where}: defaultVersion is not a constant; unversioned routes are listed without a version`);
  return { prefix, defaultVersions: defaultVersions ?? [null] };
}

/**
 * The file that bootstraps the served application: it creates it with `NestFactory.create` and
 * configures its paths. Seed and CLI scripts create applications too, but do not listen, so a
 * file that listens is preferred; then path order.
 */
function bootstrapFile(files: readonly AnalysedFile[]): AnalysedFile | undefined {
  const creating = files.filter(({ sourceFile }) => /NestFactory\s*\.\s*create/.test(sourceFile.text) && /\.\s*(setGlobalPrefix|enableVersioning)\s*\(/.test(sourceFile.text));
  return creating.find(({ sourceFile }) => /\.\s*listen\s*\(/.test(sourceFile.text)) ?? creating[0];
}

/** Reads `app.setGlobalPrefix(...)` and `app.enableVersioning(...)` in the bootstrap file. */
export function readNestAppSettings(files: readonly AnalysedFile[], checker: ts.TypeChecker, warn: (message: string) => void): NestAppSettings {
  const settings: NestAppSettings = { globalPrefix: '', exclude: [] };
  const bootstrap = bootstrapFile(files);
  if (!bootstrap) return settings;
  const { sourceFile, file } = bootstrap;
  const imports = importsOf(sourceFile);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const where = `${file}:${lineOf(sourceFile, node.getStart(sourceFile))}`;
      const name = node.expression.name.text;
      if (name === 'setGlobalPrefix') {
        const prefix = constantString(node.arguments[0], checker);
        if (prefix === undefined) warn(`${where}: global prefix ${node.arguments[0]?.getText(sourceFile) ?? ''} is not a constant string; routes are listed without it`);
        settings.globalPrefix = trimSlashes(prefix ?? '');
        settings.exclude = readExclusions(optionOf(node.arguments[1], 'exclude'), checker);
      } else if (name === 'enableVersioning') {
        const versioning = readVersioning(node.arguments[0], imports, checker, warn, where);
        if (versioning) settings.uriVersioning = versioning;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return settings;
}
