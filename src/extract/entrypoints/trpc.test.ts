import { describe, expect, it } from 'vitest';
import { factsFromText } from '../../test-support/in-memory-project.js';

const TRPC = `import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
export const createTRPCRouter = t.router;
export const mergeRouters = t.mergeRouters;
export const isAuthed = t.middleware(async ({ next }) => next());
export const publicProcedure = t.procedure;
export const protectedProcedure = t.procedure.use(isAuthed);`;

describe('trpc entry points', () => {
  it('makes every procedure of nested routers an entry under the fastify plugin prefix; the root router is no parent', () => {
    const facts = factsFromText({
      'src/trpc.ts': TRPC,
      'src/server.ts': `import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { appRouter } from './root';
declare const server: { register(plugin: unknown, options: unknown): void };
server.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router: appRouter } });`,
      'src/root.ts': `import { createTRPCRouter, publicProcedure } from './trpc';
import { boardRouter } from './routers/board';
export const appRouter = createTRPCRouter({ board: boardRouter, health: publicProcedure.query(() => 'ok') });`,
      'src/routers/board.ts': `import { createTRPCRouter, publicProcedure, protectedProcedure } from '../trpc';
import { loadBoard } from '../domain/boards';
export async function archiveBoard() { return 1; }
const rename = protectedProcedure.input({}).mutation(async () => 2);
export const boardRouter = createTRPCRouter({
  byId: publicProcedure.input({}).query(async () => loadBoard()),
  archive: protectedProcedure.use(async ({ next }) => next()).mutation(archiveBoard),
  rename,
  events: publicProcedure.subscription(async function* () { yield 1; }),
});`,
      'src/domain/boards.ts': 'export function loadBoard() { return {}; }',
    });
    expect(facts.entries.find((e) => e.id === 'GET /trpc/health')?.group).toBe('src/root.ts#appRouter');
    // The root router has a procedure of its own, yet it is no sub-router's parent: it is where every router goes.
    expect(facts.entries.filter((e) => e.parentGroup)).toEqual([]);
    expect(facts.entries.filter((e) => e.id !== 'GET /trpc/health').map((e) => [e.id, e.handler, e.middleware, e.group, e.framework])).toEqual([
      ['POST /trpc/board.archive', 'src/routers/board.ts#archiveBoard', ['src/trpc.ts#isAuthed', 'src/routers/board.ts#protectedProcedure.use@L7:35'], 'src/routers/board.ts#boardRouter', 'trpc'],
      ['GET /trpc/board.byId', 'src/routers/board.ts#boardRouter.byId', [], 'src/routers/board.ts#boardRouter', 'trpc'],
      ['GET /trpc/board.events', 'src/routers/board.ts#boardRouter.events', [], 'src/routers/board.ts#boardRouter', 'trpc'],
      ['POST /trpc/board.rename', 'src/routers/board.ts#rename', ['src/trpc.ts#isAuthed'], 'src/routers/board.ts#boardRouter', 'trpc'],
    ]);
    expect(facts.calls.map((c) => `${c.from} -> ${c.to}`)).toContain('src/routers/board.ts#boardRouter.byId -> src/domain/boards.ts#loadBoard');
    expect(facts.warnings.filter((w) => w.includes('tRPC'))).toEqual([]);
  });

  it('reads mergeRouters, inline routers, plain nested and spread records, and the parent of a router that serves procedures', () => {
    const facts = factsFromText({
      'src/trpc.ts': TRPC,
      'src/app.ts': `import express from 'express';
import * as trpcExpress from '@trpc/server/adapters/express';
import { createTRPCRouter, mergeRouters, publicProcedure } from './trpc';
const cards = createTRPCRouter({ list: publicProcedure.query(() => []) });
const lists = createTRPCRouter({ cards, rename: publicProcedure.mutation(() => 1) });
const probes = { ping: publicProcedure.query(() => 'pong') };
const health = createTRPCRouter({ ...probes });
const admin = createTRPCRouter({ stats: { daily: publicProcedure.query(() => 0) }, audit: createTRPCRouter({ log: publicProcedure.query(() => []) }) });
export const appRouter = mergeRouters(health, createTRPCRouter({ lists, admin }));
const app = express();
app.use('/api/trpc', trpcExpress.createExpressMiddleware({ router: appRouter }));`,
    });
    expect(facts.entries.map((e) => [e.id, e.group, e.parentGroup ?? null])).toEqual([
      ['GET /api/trpc/admin.audit.log', 'src/app.ts#admin.audit', 'src/app.ts#admin'],
      ['GET /api/trpc/admin.stats.daily', 'src/app.ts#admin', null],
      ['GET /api/trpc/lists.cards.list', 'src/app.ts#cards', 'src/app.ts#lists'],
      ['POST /api/trpc/lists.rename', 'src/app.ts#lists', null],
      ['GET /api/trpc/ping', 'src/app.ts#health', null],
    ]);
  });

  it('takes the prefix from fetchRequestHandler, Hono trpcServer, the standalone server (through a factory), fastify plugins nested in prefixed plugins, and warns when no adapter serves a router', () => {
    const prefixes = (adapter: string) =>
      factsFromText({
        'src/trpc.ts': TRPC,
        'src/router.ts': `import { createTRPCRouter, publicProcedure } from './trpc';\nexport const appRouter = createTRPCRouter({ hello: publicProcedure.query(() => 'hi') });`,
        'src/serve.ts': `import { appRouter } from './router';\n${adapter}`,
      });
    const fetch = prefixes(`import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
export const handler = (req: Request) => fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => ({}) });`);
    expect(fetch.entries.map((e) => e.id)).toEqual(['GET /api/trpc/hello']);
    const hono = prefixes(`import { Hono } from 'hono';
import { trpcServer } from '@hono/trpc-server';
const app = new Hono();
app.use('/rpc/*', trpcServer({ router: appRouter }));`);
    expect(hono.entries.map((e) => e.id)).toEqual(['GET /rpc/hello']);
    const factory = prefixes(`import { createHTTPServer } from '@trpc/server/adapters/standalone';
function buildRouter() { return appRouter; }
createHTTPServer({ router: buildRouter() }).listen(3000);`);
    expect(factory.entries.map((e) => e.id)).toEqual(['GET /hello']);
    const nested = prefixes(`import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
declare const server: { register(plugin: unknown, options?: unknown): void };
server.register(async (api: typeof server) => {
  api.register(async (v2: typeof server) => v2.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router: appRouter } }), { prefix: '/v2' });
}, { prefix: '/api' });`);
    expect(nested.entries.map((e) => e.id)).toEqual(['GET /api/v2/trpc/hello']);
    const none = prefixes('export const unused = appRouter;');
    expect(none.entries.map((e) => e.id)).toEqual(['GET /trpc/hello']);
    expect(none.warnings).toContain('src/router.ts:2: tRPC router appRouter is not served by an adapter carve knows; its procedures get the prefix /trpc');
  });

  it('leaves alone query() and router-like calls that are not tRPC procedures', () => {
    const facts = factsFromText({
      'src/trpc.ts': TRPC,
      'src/db.ts': `declare const pool: { query(sql: string): unknown };
export function load() { return pool.query('select 1'); }
export const settings = { router: (options: { routes: unknown[] }) => options };
settings.router({ routes: [] });`,
    });
    expect(facts.entries).toEqual([]);
  });
});
