import { ts } from 'ts-morph';
import type { HttpMethod } from '../../model/index.js';
import { importedFrom, requiredModule, stringLiteralValue, unwrap } from '../ts-helpers.js';
import { expressionOption, objectLiteral, optionValue } from './options-object.js';

/** How fastify code reads, node by node, without the checker's help beyond imports. */

const SHORTHANDS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', all: 'ALL',
};

/** The method of a shorthand (`get` → GET); own keys only, so `toString` is no route. */
export function shorthandMethod(name: string): HttpMethod | undefined {
  return Object.hasOwn(SHORTHANDS, name) ? SHORTHANDS[name] : undefined;
}
export const ROUTE_METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** Hooks that run before the handler, in lifecycle order: carve's middleware. */
export const HOOK_PHASES = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];
/** Instance methods that return the instance, so `app.register(a).get(...)` stays on the app. */
export const CHAINABLE = new Set([...Object.keys(SHORTHANDS), 'route', 'register', 'addHook', 'decorate', 'decorateRequest', 'decorateReply', 'setErrorHandler', 'setNotFoundHandler', 'addSchema']);
/** A plugin typed as one (`FastifyPluginAsync`, `FastifyPluginCallback`, zod/typebox variants) or taking a `FastifyInstance`. */
export const PLUGIN_TYPE = /\bFastify(Plugin\w*|Instance)\b/;

/** `Fastify()`, `fastify()`, `Fastify.fastify()`, `require('fastify')()`: a new app. */
export function isFastifyFactoryCall(expression: ts.Expression, checker: ts.TypeChecker): boolean {
  const call = unwrap(expression);
  if (!ts.isCallExpression(call)) return false;
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return importedFrom(callee, checker) === 'fastify';
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) return importedFrom(callee.expression, checker) === 'fastify';
  return requiredModule(callee) === 'fastify';
}

/** `fp(fn, options?)` from fastify-plugin, and whether `{ encapsulate: true }` keeps it a scope of its own. */
export function fastifyPluginCall(call: ts.CallExpression, checker: ts.TypeChecker): { inner: ts.Expression; encapsulates: boolean } | undefined {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression : undefined;
  const inner = call.arguments[0];
  if (!name || !inner || importedFrom(name, checker) !== 'fastify-plugin') return undefined;
  const encapsulate = expressionOption(objectLiteral(call.arguments[1]), 'encapsulate');
  return { inner, encapsulates: encapsulate?.kind === ts.SyntaxKind.TrueKeyword };
}

/** The instance parameter of a plugin function: its first parameter, when it is a plain name. */
export function instanceParameter(fn: ts.SignatureDeclaration): ts.ParameterDeclaration | undefined {
  const first = fn.parameters[0];
  return first && ts.isIdentifier(first.name) ? first : undefined;
}

/** What a function returns: its expression body, or the `return` expressions of its own body. */
export function returnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = 'body' in fn ? (fn.body as ts.ConciseBody | undefined) : undefined;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== body && ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** The name a function is called by: its own, or that of the variable or property holding it. */
export function functionName(fn: ts.Node): string | undefined {
  const named = (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
  if (named) return named;
  let holder = fn.parent;
  while (holder && (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder))) holder = holder.parent;
  return holder && (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) && ts.isIdentifier(holder.name) ? holder.name.text : undefined;
}

/** What a route registration says, as written: `get(url, [options], handler)` or `route({ method, url, handler })`. */
export function routeDeclaration(call: ts.CallExpression): { methods: string[]; url: ts.Expression | undefined; options: ts.ObjectLiteralExpression | undefined; handler: ts.Node | undefined } | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const shorthand = shorthandMethod(callee.name.text);
  if (shorthand) {
    // get(url, handler) | get(url, options, handler) | get(url, { handler, ... })
    if (call.arguments.length < 2) return undefined;
    const options = objectLiteral(call.arguments[1]);
    const handler = call.arguments.length >= 3 ? call.arguments[2] : options ? optionValue(options, 'handler') : call.arguments[1];
    return { methods: [shorthand], url: call.arguments[0], options, handler };
  }
  const options = objectLiteral(call.arguments[0]);
  if (!options) return undefined;
  const method = expressionOption(options, 'method');
  const listed = method && ts.isArrayLiteralExpression(unwrap(method)) ? (unwrap(method) as ts.ArrayLiteralExpression).elements : method ? [method] : [];
  return {
    methods: listed.map((element) => stringLiteralValue(unwrap(element))?.toUpperCase() ?? '?'),
    url: expressionOption(options, 'url') ?? expressionOption(options, 'path'),
    options,
    handler: optionValue(options, 'handler'),
  };
}
