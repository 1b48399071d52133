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
