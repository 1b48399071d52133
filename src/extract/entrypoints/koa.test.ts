import { describe, expect, it } from 'vitest';
import { factsFromText } from '../../test-support/in-memory-project.js';

const routes = (files: Record<string, string>) => factsFromText(files).entries.map((e) => `${e.method} ${e.path} -> ${e.handler ?? 'null'}`);

describe('koa entry points', () => {
  it('finds routes on koa-router routers with prefixes, nesting, chains, del and named routes', () => {
    expect(
      routes({
        'src/app.ts': `import Koa from 'koa';
import Router from '@koa/router';
import { documents } from './documents';
const app = new Koa();
const api = new Router({ prefix: '/api' });
api.use('/v2', documents.routes(), documents.allowedMethods());
api.get('health', '/health', async (ctx: unknown) => ctx).del('/cache', clearCache);
app.use(api.routes());
export async function clearCache() { return 1; }`,
        'src/documents.ts': `import Router from 'koa-router';
export async function list() { return []; }
export async function info() { return {}; }
export const documents = new Router();
documents.post('documents.list', list);
documents.post('documents.info', auth(), info);
function auth() { return async () => 1; }`,
      }),
    ).toEqual([
      'DELETE /api/cache -> src/app.ts#clearCache',
      'GET /api/health -> src/app.ts#api.get@L7:30',
      'POST /api/v2/documents.info -> src/documents.ts#info',
      'POST /api/v2/documents.list -> src/documents.ts#list',
    ]);
  });

  it('makes one route per path of a path array, also after a route name', () => {
    expect(
      routes({
        'src/wellknown.ts': `import Router from '@koa/router';
export async function metadata() { return {}; }
const router = new Router({ prefix: '/.well-known' });
router.get(['/oauth-server', '/oauth-server/mcp'], metadata);
router.get('resource', ['/resource', '/resource/mcp'], metadata);
router.get([\`/plain\`, someVariable], metadata);
declare const someVariable: string;`,
      }),
    ).toEqual([
      'GET /.well-known/oauth-server -> src/wellknown.ts#metadata',
      'GET /.well-known/oauth-server/mcp -> src/wellknown.ts#metadata',
      'GET /.well-known/resource -> src/wellknown.ts#metadata',
      'GET /.well-known/resource/mcp -> src/wellknown.ts#metadata',
    ]);
  });

  it('applies router.prefix() and records the router as the group', () => {
    const facts = factsFromText({
      'src/users.ts': "import Router from '@koa/router';\nconst users = new Router();\nusers.prefix('/users');\nusers.get('/:id', async () => 1);",
    });
    expect(facts.entries.map((e) => [e.id, e.group, e.framework])).toEqual([['GET /users/:id', 'src/users.ts#users', 'koa']]);
  });

  it('ignores routers from other packages and calls that are not routes', () => {
    expect(
      routes({
        'src/a.ts': `import Router from 'some-other-router';
import KoaRouter from '@koa/router';
const other = new Router();
other.get('/nope', () => 1);
const r = new KoaRouter();
r.get('/only-a-path');
const map = new Map<string, number>();
map.get('x');`,
      }),
    ).toEqual([]);
  });
  it('names the parent router of a nested router that the parent mounts beside its own routes', () => {
    const facts = factsFromText({
      'src/docs.ts': `import Router from '@koa/router';
const docs = new Router({ prefix: '/docs' });
const revisions = new Router();
docs.get('/', async () => 1);
revisions.get('/', async () => 2);
docs.use('/:id/revisions', revisions.routes());`,
    });
    expect(facts.entries.map((e) => [e.id, e.parentGroup ?? null])).toEqual([
      ['GET /docs', null],
      ['GET /docs/:id/revisions', 'src/docs.ts#docs'],
    ]);
  });
});
