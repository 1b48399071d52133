import { describe, expect, it } from 'vitest';
import { factsFromText } from '../../test-support/in-memory-project.js';

const routes = (files: Record<string, string>) => factsFromText(files).entries.map((e) => `${e.method} ${e.path} -> ${e.handler ?? 'null'}`);

describe('hono entry points', () => {
  it('finds routes under basePath and sub-apps mounted with route() from other files, at any depth', () => {
    const facts = factsFromText({
      'src/index.ts': `import { Hono } from 'hono';
import { notes } from './notes';
const app = new Hono().basePath('/api');
app.get('/health', (c) => c.text('ok'));
app.route('/notes', notes);
export default app;`,
      'src/notes.ts': `import { Hono } from 'hono';
import tags from './tags';
export async function listNotes(c: unknown) { return c; }
export const notes = new Hono();
notes.get('/', listNotes);
notes.route('/:noteId/tags', tags);`,
      'src/tags.ts': `import { Hono } from 'hono';
export function removeTag(c: unknown) { return c; }
const tags = new Hono();
tags.delete('/:tag', removeTag);
export default tags;`,
    });
    expect(facts.entries.map((e) => [e.id, e.handler, e.group, e.parentGroup ?? null])).toEqual([
      ['GET /api/health', 'src/index.ts#app.get@L4:20', null, null],
      ['GET /api/notes', 'src/notes.ts#listNotes', 'src/notes.ts#notes', null],
      ['DELETE /api/notes/:noteId/tags/:tag', 'src/tags.ts#removeTag', 'src/tags.ts#tags', 'src/notes.ts#notes'],
    ]);
    expect(facts.entries.every((e) => e.framework === 'hono')).toBe(true);
  });

  it('reads chained registrations, on() with one or several methods and paths, and middleware before the handler', () => {
    const facts = factsFromText({
      'src/app.ts': `import { Hono } from 'hono';
import { requireUser, audit } from './mw';
export function show(c: unknown) { return c; }
export function update(c: unknown) { return c; }
const app = new Hono();
app.get('/items/:id', requireUser, show).put(requireUser, audit('item'), update);
app.on('PURGE', '/cache', () => 1);
app.on(['GET', 'HEAD'], ['/a', '/b'], requireUser, (c) => c);
app.all('/echo', show);`,
      'src/mw.ts': 'export async function requireUser(c: unknown, next: () => Promise<void>) { await next(); }\nexport function audit(what: string) { return async () => what; }',
    });
    expect(facts.entries.map((e) => [e.id, e.handler, e.middleware])).toEqual([
      ['GET /a', 'src/app.ts#app.on@L8:52', ['src/mw.ts#requireUser']],
      ['HEAD /a', 'src/app.ts#app.on@L8:52', ['src/mw.ts#requireUser']],
      ['GET /b', 'src/app.ts#app.on@L8:52', ['src/mw.ts#requireUser']],
      ['HEAD /b', 'src/app.ts#app.on@L8:52', ['src/mw.ts#requireUser']],
      ['ALL /echo', 'src/app.ts#show', []],
      ['GET /items/:id', 'src/app.ts#show', ['src/mw.ts#requireUser']],
      ['PUT /items/:id', 'src/app.ts#update', ['src/mw.ts#requireUser', 'src/mw.ts#audit']],
    ]);
  });

  it('follows a long chain of registrations to the app it starts from (RPC-style apps)', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const facts = factsFromText({
      'src/items.ts': `import { Hono } from 'hono';\nexport function h(c: unknown) { return c; }\nconst items = new Hono()${names.map((n) => `.get('/${n}', h)`).join('')};\nexport default items;`,
      'src/app.ts': "import { Hono } from 'hono';\nimport items from './items';\nconst app = new Hono();\napp.route('/items', items);",
    });
    expect(facts.entries.map((e) => `${e.id} ${e.group}`)).toEqual(names.map((n) => `GET /items/${n} src/items.ts#items`));
  });

  it('follows an app passed to route-registering functions in other files', () => {
    const facts = factsFromText({
      'src/routes/keys.ts': `import type { Hono } from 'hono';
export async function createKey(c: unknown) { return c; }
export const registerKeys = (app: Hono) => app.post('/v1/keys', createKey);`,
      'src/routes/health.ts': "import type { Hono } from 'hono';\nexport function registerHealth(app: Hono, path: string) { app.get(path, (c) => c); }",
      'src/worker.ts': `import { Hono } from 'hono';
import { registerKeys } from './routes/keys';
import { registerHealth } from './routes/health';
const app = new Hono().basePath('/api');
registerKeys(app);
registerHealth(app, '/health');`,
    });
    expect(facts.entries.map((e) => [e.id, e.handler])).toEqual([['POST /api/v1/keys', 'src/routes/keys.ts#createKey']]);
    expect(facts.warnings).toContain('src/routes/health.ts:2: route path is not a string literal; route skipped');
  });

  it('gives calls inside an inline on() handler to that handler', () => {
    const facts = factsFromText({
      'src/app.ts': `import { Hono } from 'hono';
import { load } from './load';
const app = new Hono();
app.on('POST', '/sync', async (c) => load());`,
      'src/load.ts': 'export function load() { return 1; }',
    });
    expect(facts.calls.map((c) => `${c.from} -> ${c.to}`)).toContain('src/app.ts#app.on@L4:25 -> src/load.ts#load');
  });

  it('does not take use(), Context.get() or other classes for routes', () => {
    expect(
      routes({
        'src/app.ts': `import { Hono } from 'hono';
import { Hono as Other } from 'not-hono';
const app = new Hono();
app.use('/admin/*', async (c, next) => next());
app.get('/me', (c) => c.get('user'));
const other = new Other();
other.get('/nope', () => 1);
const map = new Map<string, number>();
map.get('x');`,
      }),
    ).toEqual(['GET /me -> src/app.ts#app.get@L5:16']);
  });
});

describe('hono openapi() routes and app factories', () => {
  it('reads createRoute() configs from other files, gives each factory call (also hono/factory createApp) an app of its own, and mounts the apps of a forEach', () => {
    const facts = factsFromText({
      'src/lib/create-app.ts': `import { OpenAPIHono } from '@hono/zod-openapi';
export function createRouter() { return new OpenAPIHono({ strict: false }); }
export default function createApp() {
  const app = createRouter();
  app.get('/health', (c) => c.text('ok'));
  return app;
}`,
      'src/routes/tasks.routes.ts': `import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../mw';
export const list = createRoute({ method: 'get', path: '/tasks', responses: {} });
export const getOne = createRoute({ method: 'get', path: '/tasks/{id}', middleware: [requireUser] as const, responses: {} });`,
      'src/routes/tasks.index.ts': `import { createRouter } from '../lib/create-app';
import * as routes from './tasks.routes';
import * as handlers from './tasks.handlers';
const router = createRouter().openapi(routes.list, handlers.list).openapi(routes.getOne, handlers.getOne);
export default router;`,
      'src/routes/tasks.handlers.ts': 'export const list = async (c: unknown) => c;\nexport const getOne = async (c: unknown) => c;',
      'src/mw.ts': 'export async function requireUser() {}',
      'src/app.ts': `import createApp from './lib/create-app';
import tasks from './routes/tasks.index';
import health from './routes/health';
const app = createApp();
const routers = [tasks, health] as const;
routers.forEach((router) => app.route('/v1', router));
export default app;`,
      'src/routes/health.ts': "import { createFactory } from 'hono/factory';\nconst factory = createFactory();\nconst health = factory.createApp();\nhealth.get('/ping', (c) => c.text('pong'));\nexport default health;",
    });
    expect(facts.entries.map((e) => [e.id, e.handler, e.middleware, e.group])).toEqual([
      ['GET /health', 'src/lib/create-app.ts#app.get@L5:22', [], null],
      ['GET /v1/ping', 'src/routes/health.ts#health.get@L4:21', [], 'src/routes/health.ts#health'],
      ['GET /v1/tasks', 'src/routes/tasks.handlers.ts#list', [], 'src/routes/tasks.index.ts#router'],
      ['GET /v1/tasks/:id', 'src/routes/tasks.handlers.ts#getOne', ['src/mw.ts#requireUser'], 'src/routes/tasks.index.ts#router'],
    ]);
  });
});
