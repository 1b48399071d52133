import { describe, expect, it } from 'vitest';
import { factsFromText } from '../../test-support/in-memory-project.js';

const fastifyEntries = (files: Record<string, string>) => factsFromText(files).entries.filter((e) => e.framework === 'fastify');
const routes = (files: Record<string, string>) => fastifyEntries(files).map((e) => `${e.method} ${e.path} -> ${e.handler ?? 'null'}`);

describe('fastify entry points', () => {
  it('finds shorthand routes on the app, with and without route options', () => {
    expect(
      routes({
        'src/app.ts': `import Fastify from 'fastify';
const app = Fastify({ logger: true });
export async function health() { return { ok: true }; }
export async function auth() { return; }
app.get('/health', health);
app.post('/orders', { preHandler: [auth] }, async (request: unknown) => request);
app.put('/orders/:id', { handler: health });
app.all('/legacy/*', { onRequest: auth, handler: async () => 1 });
app.get('/setting');`,
      }),
    ).toEqual([
      'GET /health -> src/app.ts#health',
      'ALL /legacy/* -> src/app.ts#app.all@L8:50',
      'POST /orders -> src/app.ts#app.post@L6:45',
      'PUT /orders/:id -> src/app.ts#health',
    ]);
  });

  it('reads route({ method, url, handler }) with one entry per listed method, and hooks as middleware', () => {
    const entries = fastifyEntries({
      'src/server.ts': `import { fastify } from 'fastify';
import { requireUser, loadTenant } from './hooks';
const server = fastify();
async function listTickets() { return []; }
server.route({ method: ['GET', 'HEAD'], url: '/tickets', onRequest: requireUser, preHandler: [loadTenant], handler: listTickets });
server.route({ method: 'DELETE', path: '/tickets/:id', async handler() { return 1; } });`,
      'src/hooks.ts': `export async function requireUser() { return; }
export async function loadTenant() { return; }`,
    });
    expect(entries.map((e) => [e.id, e.handler, e.middleware, e.group])).toEqual([
      ['GET /tickets', 'src/server.ts#listTickets', ['src/hooks.ts#requireUser', 'src/hooks.ts#loadTenant'], null],
      ['HEAD /tickets', 'src/server.ts#listTickets', ['src/hooks.ts#requireUser', 'src/hooks.ts#loadTenant'], null],
      ['DELETE /tickets/:id', 'src/server.ts#server.route@L6:56', [], null],
    ]);
  });

  it('composes register prefixes through inline, same-file and imported plugins, whatever the instance is called', () => {
    const entries = fastifyEntries({
      'src/app.ts': `const Fastify = require('fastify');
import eventsPlugin from './events';
import { venuePlugin } from './venues';
const app = Fastify();
async function adminPlugin(admin: any) {
  admin.get('/stats', async () => 1);
}
app.register(async (api: any) => {
  api.register(eventsPlugin, { prefix: '/events' });
  api.register(venuePlugin, { prefix: '/venues' });
  api.register(adminPlugin, { prefix: ADMIN });
}, { prefix: '/api' });
const ADMIN = \`/admin\`;`,
      'src/events.ts': `import type { FastifyPluginAsync } from 'fastify';
import { sessionsPlugin } from './sessions';
const eventsPlugin: FastifyPluginAsync = async (fastify) => {
  fastify.get('/', async () => []);
  fastify.register(sessionsPlugin, { prefix: '/:eventId/sessions' });
};
export default eventsPlugin;`,
      'src/sessions.ts': `export async function sessionsPlugin(instance: any, opts: unknown) {
  instance.get('/', async () => []);
}`,
      'src/venues.ts': `export function venuePlugin(f: any, _opts: unknown, done: () => void) {
  f.post('/', async () => 1);
  done();
}`,
    });
    expect(entries.map((e) => [e.id, e.group, e.parentGroup ?? null])).toEqual([
      ['GET /api/admin/stats', 'src/app.ts#adminPlugin', null],
      ['GET /api/events', 'src/events.ts#eventsPlugin', null],
      ['GET /api/events/:eventId/sessions', 'src/sessions.ts#sessionsPlugin', 'src/events.ts#eventsPlugin'],
      ['POST /api/venues', 'src/venues.ts#venuePlugin', null],
    ]);
  });

  it('keeps fastify-plugin plugins in the scope that registers them, ignoring their prefix option as fastify does', () => {
    const entries = fastifyEntries({
      'src/app.ts': `import Fastify from 'fastify';
import fp from 'fastify-plugin';
import metrics from './metrics';
const app = Fastify();
app.register(async function orders(scope) {
  scope.register(metrics, { prefix: '/ignored' });
  scope.register(fp(async (inner) => { inner.get('/inline-fp', async () => 2); }));
  scope.register(fp(async (kept) => { kept.get('/encapsulated', async () => 3); }, { encapsulate: true }), { prefix: '/own' });
  scope.get('/', async () => 1);
}, { prefix: '/orders' });`,
      'src/metrics.ts': `import fp from 'fastify-plugin';
export default fp(async (fastify) => {
  fastify.get('/metrics', async () => 'ok');
});`,
    });
    expect(entries.map((e) => [e.id, e.group])).toEqual([
      ['GET /orders', 'src/app.ts#app.register@L5:14'],
      ['GET /orders/inline-fp', 'src/app.ts#app.register@L5:14'],
      ['GET /orders/metrics', 'src/app.ts#app.register@L5:14'],
      ['GET /orders/own/encapsulated', 'src/app.ts#plugin@L8'],
    ]);
  });

  it('runs the hooks of the route, its scope and the enclosing scopes, in lifecycle order', () => {
    const entries = fastifyEntries({
      'src/app.ts': `import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { requestId, auth, audit, rateLimit } from './hooks';
const app = Fastify();
app.addHook('onRequest', requestId);
app.register(fp(async (f) => { f.addHook('preHandler', audit); }));
app.register(async (admin) => {
  admin.addHook('onRequest', auth);
  admin.addHook('onResponse', audit);
  admin.get('/users', { preHandler: rateLimit }, async () => []);
}, { prefix: '/admin' });
app.get('/open', async () => 1);`,
      'src/hooks.ts': `export async function requestId() { return; }
export async function auth() { return; }
export async function audit() { return; }
export async function rateLimit() { return; }`,
    });
    const hooks = (name: string) => `src/hooks.ts#${name}`;
    expect(entries.map((e) => [e.id, e.middleware])).toEqual([
      ['GET /admin/users', [hooks('requestId'), hooks('auth'), hooks('audit'), hooks('rateLimit')]],
      ['GET /open', [hooks('requestId'), hooks('audit')]],
    ]);
  });

  it('follows instances handed to helpers, returned by factories, dynamic imports and chains', () => {
    expect(
      routes({
        'src/build.ts': `import Fastify, { type FastifyInstance } from 'fastify';
import { ticketRoutes } from './tickets';
export function buildApp() {
  const app = Fastify();
  ticketRoutes(app);
  app.register(import('./orders'), { prefix: '/orders' }).get('/ping', async () => 'pong');
  return app;
}
const server = buildApp();
server.get('/ready', async () => true);
const bare = require('fastify')({ logger: false });
bare.get('/bare', async () => 'bare');`,
        'src/tickets.ts': `import type { FastifyInstance } from 'fastify';
export async function listTickets() { return []; }
export function ticketRoutes(app: FastifyInstance) { app.get('/tickets', listTickets); }`,
        'src/orders.ts': `export default async function (fastify: any) { fastify.get('/:id', async () => 1); }`,
      }),
    ).toEqual([
      'GET /bare -> src/build.ts#bare.get@L12:19',
      'GET /orders/:id -> src/orders.ts#fastify.get@L1:68',
      'GET /ping -> src/build.ts#chain.get@L6:72',
      'GET /ready -> src/build.ts#server.get@L10:22',
      'GET /tickets -> src/tickets.ts#listTickets',
    ]);
  });

  it('registers what @fastify/autoload loads: folder prefixes, index files, autoPrefix, route params and cascading autohooks', () => {
    const entries = fastifyEntries({
      'src/app.ts': `import Fastify from 'fastify';
import autoload from '@fastify/autoload';
import { join } from 'node:path';
const app = Fastify();
app.register(autoload, { dir: join(__dirname, 'routes'), options: { prefix: '/v1' }, autoHooks: true, cascadeHooks: true, routeParams: true });`,
      'src/routes/root.ts': "export default async function (app: any) { app.get('/', async () => 'root'); }",
      'src/routes/autohooks.ts': "export default async function (app: any) { app.addHook('onRequest', async () => 1); }",
      'src/routes/users/index.ts': `import type { FastifyPluginAsync } from 'fastify';
const users: FastifyPluginAsync = async (f) => { f.get('/', async () => []); };
export default users;`,
      'src/routes/users/helpers.ts': "import type { FastifyInstance } from 'fastify';\nexport default async function (app: FastifyInstance) { app.get('/never', async () => 1); }",
      'src/routes/users/_userId/orders.ts': "export default async function (app: any) { app.get('/orders', async () => []); }",
      'src/routes/legacy/index.ts': "export const autoPrefix = '/old';\nexport default async function (app: any) { app.get('/thing', async () => 1); }",
    });
    expect(entries.map((e) => [e.id, e.group, e.middleware])).toEqual([
      ['GET /v1', 'src/routes/root.ts#default', ['src/routes/autohooks.ts#app.addHook@L1:69']],
      ['GET /v1/old/thing', 'src/routes/legacy/index.ts#default', ['src/routes/autohooks.ts#app.addHook@L1:69']],
      ['GET /v1/users', 'src/routes/users/index.ts#users', ['src/routes/autohooks.ts#app.addHook@L1:69']],
      ['GET /v1/users/:userId/orders', 'src/routes/users/_userId/orders.ts#default', ['src/routes/autohooks.ts#app.addHook@L1:69']],
    ]);
  });

  it('takes typed plugins that nothing visible registers (autoload) as unprefixed roots', () => {
    const entries = fastifyEntries({
      'src/app.ts': "import Fastify from 'fastify';\nexport const app = Fastify();",
      'src/routes/users.ts': `import type { FastifyPluginAsync } from 'fastify';
const users: FastifyPluginAsync = async (app) => { app.get('/users', async () => []); };
export default users;`,
    });
    expect(entries.map((e) => [e.id, e.group])).toEqual([['GET /users', 'src/routes/users.ts#users']]);
  });

  it('spells out urls built from constant strings and constant lists, one route per value', () => {
    expect(
      routes({
        'src/app.ts': `import Fastify from 'fastify';
import { COLUMNS, topValues } from './columns';
const app = Fastify();
const V1 = '/v1';
for (const column of COLUMNS) {
  app.route({ method: 'GET', url: \`\${V1}/top/\${column}\`, handler: topValues(column) });
}
app.get(V1 + '/ping', async () => 'pong');`,
        'src/columns.ts': `export const COLUMNS = ['country', ...(['city'] as const)] as const;
export function topValues(column: string) { return async () => column; }`,
      }),
    ).toEqual(['GET /v1/ping -> src/app.ts#app.get@L8:23', 'GET /v1/top/city -> src/columns.ts#topValues', 'GET /v1/top/country -> src/columns.ts#topValues']);
  });

  it('ignores other objects with get/route methods and urls it cannot know', () => {
    const facts = factsFromText({
      'src/app.ts': `import Fastify from 'fastify';
const app = Fastify();
const cache = new Map<string, number>();
cache.get('x');
const other = { route: (o: object) => o, get: (p: string, h: unknown) => h };
other.route({ method: 'GET', url: '/nope', handler: () => 1 });
other.get('/nope', () => 1);
export function mount(name: string) { app.get(\`/\${name}\`, async () => name); }
app.route({ method: 'SEARCH', url: '/search', handler: async () => 1 });
app.toString();
async function loop(f: any) { f.register(loop, { prefix: '/again' }); }
app.register(loop);`,
    });
    expect(facts.entries).toEqual([]);
    expect(facts.warnings.filter((w) => w.startsWith('src/app.ts'))).toEqual([
      'src/app.ts:8: route url is not a constant string; route skipped',
      'src/app.ts:9: route method is not a literal HTTP method carve knows; route skipped',
    ]);
  });
});
