import { ts } from 'ts-morph';
import type { EntryFact, HttpMethod } from '../../model/index.js';
import { compareStrings } from '../../util/index.js';
import { lineOf, unwrap } from '../ts-helpers.js';
import type { AnalysedFile, EntrypointAdapter, EntrypointContext } from './adapter.js';
import { constantString } from './constant-string.js';
import { qualifyOperationsPerApi } from './graphql-api-qualifier.js';
import { classDeclarationsOf, decoratorMiddleware, methodsWithInherited, decoratorsOf, importsOf, optionOf, type ReadDecorator } from './decorators.js';
import { NEST_MIDDLEWARE } from './nest.js';

/** The packages whose decorators declare resolvers, and the framework name entries get. */
const PACKAGES: Record<string, string> = { '@nestjs/graphql': 'nestjs-graphql', 'type-graphql': 'type-graphql' };
const OPERATIONS: Record<string, HttpMethod> = { Query: 'QUERY', Mutation: 'MUTATION', Subscription: 'SUBSCRIPTION', ResolveField: 'FIELD', ResolveProperty: 'FIELD', FieldResolver: 'FIELD' };
const MIDDLEWARE = new Set([...NEST_MIDDLEWARE, 'type-graphql:UseMiddleware']);

/** `{ package, export }` of a decorator from one of the GraphQL packages. */
function graphqlOrigin(decorator: ReadDecorator): { framework: string; name: string } | undefined {
  const origin = decorator.origin;
  if (!origin) return undefined;
  const separator = origin.lastIndexOf(':');
  const framework = PACKAGES[origin.slice(0, separator)];
  return framework ? { framework, name: origin.slice(separator + 1) } : undefined;
}

/** The object type a resolver serves: `@Resolver(() => X)`, `@Resolver(of => X)`, `@Resolver(X)`, `@Resolver('X')`. */
function resolverTypeName(decorator: ReadDecorator, checker: ts.TypeChecker): string | undefined {
  const [first] = decorator.args;
  if (!first) return undefined;
  let value = unwrap(first);
  if (ts.isArrowFunction(value) && !ts.isBlock(value.body)) value = unwrap(value.body);
  return constantString(value, checker) ?? (ts.isIdentifier(value) ? value.text : undefined);
}

/** `@Query('name')` (schema first), `@Query(() => X, { name: 'name' })`, else the method's own name. */
function operationName(decorator: ReadDecorator, method: ts.MethodDeclaration, checker: ts.TypeChecker): string {
  for (const arg of decorator.args) {
    const literal = constantString(arg, checker);
    if (literal !== undefined) return literal;
    const named = constantString(optionOf(arg, 'name'), checker);
    if (named !== undefined) return named;
  }
  return method.name.getText();
}

function resolverOperations(cls: ts.ClassDeclaration, analysed: AnalysedFile, context: EntrypointContext): Omit<EntryFact, 'id'>[] {
  const { sourceFile, file } = analysed;
  const imports = importsOf(sourceFile);
  const classDecorators = decoratorsOf(cls, imports);
  const resolver = classDecorators.find((decorator) => graphqlOrigin(decorator)?.name === 'Resolver');
  if (!resolver) return [];
  const className = cls.name?.text ?? 'default';
  // A field resolver of `@Resolver()` without a type: the class name says which type, by convention.
  const typeName = resolverTypeName(resolver, context.checker) ?? className.replace(/Resolver$/, '');
  const group = context.table.byDeclaration.get(cls) ?? `${file}#${className}`;
  const classMiddleware = decoratorMiddleware(classDecorators, MIDDLEWARE, context.checker, context.table);
  const entries: Omit<EntryFact, 'id'>[] = [];
  for (const member of methodsWithInherited(cls, context.checker)) {
    const memberFile = member.getSourceFile();
    const decorators = decoratorsOf(member, importsOf(memberFile));
    for (const decorator of decorators) {
      const origin = graphqlOrigin(decorator);
      const method = origin ? OPERATIONS[origin.name] : undefined;
      if (!origin || !method) continue;
      const name = operationName(decorator, member, context.checker);
      entries.push({
        method,
        path: method === 'FIELD' ? `${typeName}.${name}` : name,
        file: context.relativeFile(memberFile.fileName),
        line: lineOf(memberFile, decorator.node.getStart(memberFile)),
        handler: context.table.byDeclaration.get(member) ?? null,
        middleware: [...classMiddleware, ...decoratorMiddleware(decorators, MIDDLEWARE, context.checker, context.table)],
        framework: origin.framework,
        group,
      });
    }
  }
  return entries;
}

/**
 * GraphQL operations declared with decorators, NestJS (`@nestjs/graphql`) or type-graphql:
 * every `@Query`, `@Mutation`, `@Subscription` and field resolver of a `@Resolver` class is an
 * entry point, with the operation name (or `Type.field`) as its path.
 */
function extractOperations(context: EntrypointContext): Omit<EntryFact, 'id'>[] {
  const entries: Omit<EntryFact, 'id'>[] = [];
  for (const analysed of context.files) {
    if (!Object.keys(PACKAGES).some((pkg) => analysed.sourceFile.text.includes(pkg))) continue;
    for (const cls of classDeclarationsOf(analysed.sourceFile)) entries.push(...resolverOperations(cls, analysed, context));
  }
  return qualifyOperationsPerApi(entries).sort((a, b) => compareStrings(a.method, b.method) || compareStrings(a.path, b.path));
}

export const graphqlAdapter: EntrypointAdapter = {
  framework: 'graphql',
  applies: (context) => context.files.some(({ sourceFile }) => /from\s+['"](@nestjs\/graphql|type-graphql)['"]/.test(sourceFile.text)),
  extract: extractOperations,
};
