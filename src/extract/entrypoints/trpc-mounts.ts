import { ts } from 'ts-morph';
import { isFunctionExpressionLike, stringLiteralValue } from '../ts-helpers.js';
import { calleeName, propertyValue, trailingName } from './follow-values.js';
import { joinRoutePath } from './route-paths.js';

/** Where procedures are served when no adapter that carve knows serves their router. */
export const DEFAULT_TRPC_PREFIX = '/trpc';

/** An adapter serving a tRPC router: the router expression it names, and the path prefix of its procedures. */
export interface TrpcMount {
  router: ts.Expression;
  prefix: string;
}

/**
 * The prefixes of the Fastify plugins a registration sits in:
 * `server.register(async (api) => { api.register(fastifyTRPCPlugin, ...) }, { prefix: '/api' })`.
 */
function fastifyPluginPrefix(registration: ts.Node, checker: ts.TypeChecker): string {
  let prefix = '';
  for (let node: ts.Node = registration; node.parent; node = node.parent) {
    const outer = node.parent;
    if (!isFunctionExpressionLike(node) || !ts.isCallExpression(outer) || outer.arguments[0] !== node || calleeName(outer) !== 'register') continue;
    prefix = joinRoutePath(stringLiteralValue(propertyValue(outer.arguments[1], 'prefix', checker)) ?? '', prefix);
  }
  return prefix;
}

/** `app.use('/trpc', createExpressMiddleware(...))`, `app.use('/trpc/*', trpcServer(...))`: the mount path. */
function usePathOf(adapterCall: ts.CallExpression): string | undefined {
  let node: ts.Node = adapterCall;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const use = node.parent;
  if (!ts.isCallExpression(use) || calleeName(use) !== 'use' || !use.arguments.includes(node as ts.Expression)) return undefined;
  return stringLiteralValue(use.arguments[0])?.replace(/\/\*$/, '');
}

/** `pages/api/trpc/[trpc].ts` serves `/api/trpc`. */
function nextApiPrefix(file: string): string {
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const at = dir.lastIndexOf('pages/');
  return at === -1 ? DEFAULT_TRPC_PREFIX : `/${dir.slice(at + 'pages/'.length, -1)}`;
}

/** The mount an adapter call makes, if `call` is one of the tRPC adapters carve knows. */
function mountOf(call: ts.CallExpression, file: string, checker: ts.TypeChecker): TrpcMount | undefined {
  const name = calleeName(call);
  const options = call.arguments[0];
  const option = (key: string, from = options): ts.Expression | undefined => propertyValue(from, key, checker);
  const text = (key: string, from = options): string | undefined => stringLiteralValue(option(key, from));
  const served = (router: ts.Expression | undefined, prefix: string): TrpcMount | undefined => (router ? { router, prefix } : undefined);
  if (name === 'register' && trailingName(options) === 'fastifyTRPCPlugin') {
    const registration = call.arguments[1];
    return served(option('router', option('trpcOptions', registration)), joinRoutePath(fastifyPluginPrefix(call, checker), text('prefix', registration) ?? ''));
  }
  if (name === 'createExpressMiddleware' || name === 'trpcServer') return served(option('router'), text('endpoint') ?? usePathOf(call) ?? DEFAULT_TRPC_PREFIX);
  if (name === 'fetchRequestHandler') return served(option('router'), text('endpoint') ?? '');
  if (name === 'createHTTPServer' || name === 'createHTTPHandler') return served(option('router'), text('basePath') ?? '');
  if (name === 'createNextApiHandler') return served(option('router'), nextApiPrefix(file));
  return undefined;
}

/**
 * The tRPC adapters a file calls: fastifyTRPCPlugin registered with `{ prefix, trpcOptions: { router } }`
 * (inside prefixed plugins too), createExpressMiddleware and Hono's trpcServer (their `endpoint`,
 * else the path `app.use()` mounts them at), fetchRequestHandler's `endpoint`, the standalone
 * server's `basePath` (else the root), createNextApiHandler's `pages/` folder.
 */
export function findTrpcMounts(sourceFile: ts.SourceFile, file: string, checker: ts.TypeChecker): TrpcMount[] {
  const mounts: TrpcMount[] = [];
  const visit = (node: ts.Node): void => {
    const mount = ts.isCallExpression(node) ? mountOf(node, file, checker) : undefined;
    if (mount) mounts.push(mount);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return mounts;
}
