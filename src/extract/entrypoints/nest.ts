import { ts } from 'ts-morph';
import type { EntryFact, HttpMethod } from '../../model/index.js';
import { compareStrings } from '../../util/index.js';
import { lineOf } from '../ts-helpers.js';
import type { AnalysedFile, EntrypointAdapter, EntrypointContext } from './adapter.js';
import { classDeclarationsOf, decoratorMiddleware, methodsWithInherited, decoratorsOf, importsOf, optionOf, stringList, type ImportMap, type ReadDecorator } from './decorators.js';
import { readConsumerMiddleware, type NestRouteRef } from './nest-middleware-consumer.js';
import { readModulePaths } from './nest-router-module.js';
import { readNestAppSettings, readVersions, type NestAppSettings, type NestVersion } from './nest-app-settings.js';
import { matchesRoutePattern, trimSlashes } from './nest-route-pattern.js';

const COMMON = '@nestjs/common';
const METHODS: Record<string, HttpMethod> = {
  [`${COMMON}:Get`]: 'GET', [`${COMMON}:Post`]: 'POST', [`${COMMON}:Put`]: 'PUT', [`${COMMON}:Patch`]: 'PATCH',
  [`${COMMON}:Delete`]: 'DELETE', [`${COMMON}:Head`]: 'HEAD', [`${COMMON}:Options`]: 'OPTIONS', [`${COMMON}:All`]: 'ALL',
};
export const NEST_MIDDLEWARE = new Set([`${COMMON}:UseGuards`, `${COMMON}:UseInterceptors`]);

interface ControllerOptions {
  paths: string[];
  versions?: NestVersion[];
}

/** `@Controller()`, `@Controller('p')`, `@Controller(['a', 'b'])`, `@Controller({ path, version })`. */
function controllerOptions(decorator: ReadDecorator, imports: ImportMap, checker: ts.TypeChecker): ControllerOptions | undefined {
  const [first] = decorator.args;
  if (!first) return { paths: [''] };
  const plain = stringList(first, checker);
  if (plain) return { paths: plain };
  const pathOption = optionOf(first, 'path');
  const paths = pathOption ? stringList(pathOption, checker) : [''];
  if (!paths) return undefined;
  const versionOption = optionOf(first, 'version');
  const versions = readVersions(versionOption, imports, checker);
  return versions ? { paths, versions } : { paths };
}

/** Nest matches exclusions against the path below the global prefix; `x/(.*)` and `x/*` cover a subtree. */
/** `/<global prefix>/<v1>/<local>`, the order Nest builds it in; `local` is module, controller and method path. */
function nestRoutePath(settings: NestAppSettings, method: HttpMethod, version: NestVersion, local: string): string {
  const prefix = settings.exclude.some((pattern) => matchesRoutePattern(pattern, method, local)) ? '' : settings.globalPrefix;
  const versionSegment = settings.uriVersioning && version !== null ? `${settings.uriVersioning.prefix}${version}` : '';
  return `/${[prefix, versionSegment, local].filter(Boolean).join('/')}`;
}

interface NestScan {
  settings: NestAppSettings;
  modulePaths: Map<ts.ClassDeclaration, string[]>;
  consumerMiddleware: (route: NestRouteRef) => string[];
}

function controllerRoutes(cls: ts.ClassDeclaration, analysed: AnalysedFile, { settings, modulePaths, consumerMiddleware }: NestScan, context: EntrypointContext): Omit<EntryFact, 'id'>[] {
  const { sourceFile, file } = analysed;
  const imports = importsOf(sourceFile);
  const classDecorators = decoratorsOf(cls, imports);
  const controller = classDecorators.find((decorator) => decorator.origin === `${COMMON}:Controller`);
  if (!controller) return [];
  const options = controllerOptions(controller, imports, context.checker);
  const className = cls.name?.text ?? 'default';
  if (!options) {
    context.warn(`${file}:${lineOf(sourceFile, controller.node.getStart(sourceFile))}: @Controller path of ${className} is not a constant string; its routes are skipped`);
    return [];
  }
  const group = context.table.byDeclaration.get(cls) ?? `${file}#${className}`;
  const classMiddleware = decoratorMiddleware(classDecorators, NEST_MIDDLEWARE, context.checker, context.table);
  const entries: Omit<EntryFact, 'id'>[] = [];
  for (const member of methodsWithInherited(cls, context.checker)) {
    const memberFile = member.getSourceFile();
    const memberImports = importsOf(memberFile);
    const decorators = decoratorsOf(member, memberImports);
    const versionDecorator = decorators.find((decorator) => decorator.origin === `${COMMON}:Version`);
    const methodVersions = versionDecorator ? readVersions(versionDecorator.args[0], memberImports, context.checker) : undefined;
    const versions = methodVersions ?? options.versions ?? settings.uriVersioning?.defaultVersions ?? [null];
    const decorated = [...classMiddleware, ...decoratorMiddleware(decorators, NEST_MIDDLEWARE, context.checker, context.table)];
    for (const decorator of decorators) {
      const method = decorator.origin ? METHODS[decorator.origin] : undefined;
      if (!method) continue;
      const line = lineOf(memberFile, decorator.node.getStart(memberFile));
      const methodPaths = decorator.args[0] ? stringList(decorator.args[0], context.checker) : [''];
      if (!methodPaths) {
        context.warn(`${context.relativeFile(memberFile.fileName)}:${line}: route path is not a constant string; route skipped`);
        continue;
      }
      const handler = context.table.byDeclaration.get(member) ?? null;
      const locals = (modulePaths.get(cls) ?? ['']).flatMap((modulePath) => options.paths.flatMap((controllerPath) => methodPaths.map((methodPath) => [modulePath, controllerPath, methodPath].map(trimSlashes).filter(Boolean).join('/'))));
      for (const local of locals) {
        // Module middleware (consumer.apply) runs before guards and interceptors.
        const middleware = [...consumerMiddleware({ controller: cls, method, local }), ...decorated];
        for (const version of versions) {
          entries.push({ method, path: nestRoutePath(settings, method, version, local), file: context.relativeFile(memberFile.fileName), line, handler, middleware, framework: 'nestjs', group });
        }
      }
    }
  }
  return entries;
}

/**
 * NestJS controllers, read from their decorators: `@Controller` classes, `@Get()`-style methods,
 * `@Version`, and the global prefix and URI versioning set on the app in the bootstrap file.
 */
function extractNestRoutes(context: EntrypointContext): Omit<EntryFact, 'id'>[] {
  const scan: NestScan = {
    settings: readNestAppSettings(context.files, context.checker, context.warn),
    modulePaths: readModulePaths(context.files, context.checker),
    consumerMiddleware: readConsumerMiddleware(context.files, context.checker, context.table),
  };
  const entries: Omit<EntryFact, 'id'>[] = [];
  for (const analysed of context.files) {
    if (!analysed.sourceFile.text.includes(COMMON)) continue;
    for (const cls of classDeclarationsOf(analysed.sourceFile)) entries.push(...controllerRoutes(cls, analysed, scan, context));
  }
  return entries.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.method, b.method));
}

export const nestAdapter: EntrypointAdapter = {
  framework: 'nestjs',
  applies: (context) => context.files.some(({ sourceFile }) => /from\s+['"]@nestjs\/common['"]/.test(sourceFile.text)),
  extract: extractNestRoutes,
};
