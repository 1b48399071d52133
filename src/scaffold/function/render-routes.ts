import type { Node } from 'ts-morph';
import type { RenderedFile } from '../../model/index.js';
import type { Naming } from './carried-text.js';
import { ROUTES_OWNER, type Needs } from './collect-needs.js';
import { LAYOUT, renderImports } from './package-layout.js';
import type { RouteRegistration } from './route-registrations.js';


/** The shim function that runs a route's chain, per framework. */
const SERVE: Record<string, string> = { express: 'expressRoute', koa: 'koaRoute' };

/**
 * `src/routes.ts`: each route with the middleware and handler expressions the monolith registered,
 * as source text, so `requireAuth, rateLimit(10), ctrl.place.bind(ctrl)` run here as they did there.
 * Middleware applied to whole apps or routers (`app.use(…)`) is not carried; the README says so.
 * Express chains run through src/http/express-shim.ts, Koa chains through src/http/koa-shim.ts.
 */
export function renderRoutes(registrations: readonly RouteRegistration[], needs: Needs, naming: Naming): RenderedFile {
  const imports = renderImports(ROUTES_OWNER, LAYOUT.routes, needs, naming);
  const routes = registrations.map(({ entry, handlers }) => {
    const chain = handlers.map(reindented).join(', ');
    return `  // ${entry.file}:${entry.line}\n  { method: '${entry.method}', path: '${entry.path.replace(/[\\']/g, '\\$&')}', serve: ${SERVE[entry.framework]}(${chain}) },`;
  });
  const shims = [...new Set(registrations.map(({ entry }) => entry.framework))].sort().map((framework) => `import { ${SERVE[framework]} } from './http/${framework}-shim.js';`);
  const content = [
    `// The routes this function serves, as the monolith registered them (middleware first, then the handler).`,
    [`import type { Route } from './http/dispatch.js';`, ...shims, ...imports].join('\n'),
    `export const routes: Route[] = [\n${routes.join('\n')}\n];`,
  ].join('\n\n');
  return { path: LAYOUT.routes, content: `${content}\n` };
}

/** A handler's text with its continuation lines moved from the monolith's indentation to the table's. */
function reindented(handler: Node): string {
  const indent = handler.getIndentationText();
  return handler
    .getText()
    .split('\n')
    .map((line, index) => (index === 0 ? line : `  ${line.startsWith(indent) ? line.slice(indent.length) : line}`))
    .join('\n');
}
