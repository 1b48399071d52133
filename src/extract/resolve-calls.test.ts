import { describe, expect, it } from 'vitest';
import { callPairs, factsFromText } from '../test-support/in-memory-project.js';

describe('call resolution through the type checker', () => {
  it('resolves imported functions, including through a path alias', () => {
    const facts = factsFromText({
      'src/util.ts': 'export function format(n: number) { return String(n); }',
      'src/a.ts': "import { format } from './util';\nimport { format as f2 } from '@/util';\nexport function show() { return format(1) + f2(2); }",
    });
    expect(callPairs(facts)).toEqual(['src/a.ts#show -> src/util.ts#format']);
    expect(facts.calls.every((c) => c.resolution === 'checker')).toBe(true);
  });

  it('resolves methods through a module singleton and through constructor-injected fields', () => {
    const facts = factsFromText({
      'src/repo.ts': 'export class ItemRepository { find(id: string) { return id; } }',
      'src/service.ts': `import { ItemRepository } from './repo';
export class ItemService {
  constructor(private readonly repo: ItemRepository) {}
  get(id: string) { return this.repo.find(id); }
}
export const itemService = new ItemService(new ItemRepository());`,
      'src/glue.ts': "import { itemService } from './service';\nexport const page = (id: string) => itemService.get(id);",
    });
    expect(callPairs(facts)).toEqual(
      expect.arrayContaining(['src/glue.ts#page -> src/service.ts#ItemService.get', 'src/service.ts#ItemService.get -> src/repo.ts#ItemRepository.find']),
    );
  });

  it('resolves through barrels and re-exports to the declaration', () => {
    const facts = factsFromText({
      'src/domain/user/user.service.ts': 'export function getUser(id: string) { return { id }; }',
      'src/domain/user/index.ts': "export * from './user.service';",
      'src/domain/index.ts': "export { getUser as findUser } from './user';",
      'src/glue.ts': "import { findUser } from './domain';\nexport function profile() { return findUser('1'); }",
    });
    expect(callPairs(facts)).toEqual(['src/glue.ts#profile -> src/domain/user/user.service.ts#getUser']);
  });

  it('resolves a call through an interface to the classes implementing it', () => {
    const facts = factsFromText({
      'src/a.ts': `
export interface Store { load(id: string): string }
export class SqlStore implements Store { load(id: string) { return id; } }
export class MemoryStore implements Store { load(id: string) { return id + '!'; } }
export class Other { load(id: string) { return id; } }
export function use(store: Store) { return store.load('x'); }`,
    });
    expect(callPairs(facts).sort()).toEqual(['src/a.ts#use -> src/a.ts#MemoryStore.load', 'src/a.ts#use -> src/a.ts#SqlStore.load']);
    expect(facts.calls.every((c) => c.resolution === 'interface')).toBe(true);
  });

  it('counts `new X()` as a call to the class', () => {
    const facts = factsFromText({ 'src/a.ts': 'export class Box {}\nexport function make() { return new Box(); }' });
    expect(callPairs(facts)).toEqual(['src/a.ts#make -> src/a.ts#Box']);
  });

  it('leaves standard-library calls and local callbacks out', () => {
    const facts = factsFromText({ 'src/a.ts': 'export function f(cb: () => void) { cb(); return JSON.stringify([1].map((x) => x + 1)); }' });
    expect(facts.calls).toEqual([]);
  });
});

describe('syntactic fallback for packages that are not installed', () => {
  it('turns calls on an any-typed package instance into package edges, never silent drops', () => {
    const facts = factsFromText({
      'src/cache.ts': `import Redis from 'ioredis';
const redis = new Redis();
export class CacheClient {
  private client = new Redis();
  get(key: string) { return this.client.get(key); }
}
export async function remember(key: string) { return redis.get(key); }`,
    });
    const calls = facts.calls.filter((c) => c.to === 'pkg:ioredis');
    // The field initializer `new Redis()` belongs to the class; the method calls to the methods.
    expect(calls.map((c) => `${c.from} ${c.member ?? '(new)'} ${c.resolution}`)).toEqual([
      'src/cache.ts#CacheClient (new) fallback',
      'src/cache.ts#CacheClient.get get fallback',
      'src/cache.ts#remember get fallback',
    ]);
    expect(facts.effects.map((e) => `${e.symbol} ${e.kind}`)).toEqual(['src/cache.ts#CacheClient cache', 'src/cache.ts#CacheClient.get cache', 'src/cache.ts#remember cache']);
  });

  it('follows imported functions and typed fields back to their package', () => {
    const facts = factsFromText({
      'src/a.ts': `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import axios from 'axios';
export class Uploader {
  constructor(private readonly s3: S3Client) {}
  put(body: string) { return this.s3.send(new PutObjectCommand({ Body: body })); }
}
export const ping = () => axios.get('/health');`,
    });
    expect(callPairs(facts).sort()).toEqual(['src/a.ts#Uploader.put -> pkg:@aws-sdk/client-s3', 'src/a.ts#ping -> pkg:axios']);
    expect(facts.effects.map((e) => e.kind).sort()).toEqual(['http', 'object-storage', 'object-storage']);
  });

  it('maps packages through the effects table, with user overrides and scopes', () => {
    const facts = factsFromText({ 'src/a.ts': "import { q } from '@acme/queue-kit';\nexport const send = () => q.publish('x');" }, { '@acme/': 'queue' });
    expect(facts.effects).toEqual([{ symbol: 'src/a.ts#send', kind: 'queue', package: '@acme/queue-kit', line: 2 }]);
  });

  it('keeps package calls that no effect rule knows as plain package edges', () => {
    const facts = factsFromText({ 'src/a.ts': "import dayjs from 'dayjs';\nexport const today = () => dayjs().format();" });
    expect(callPairs(facts)).toEqual(['src/a.ts#today -> pkg:dayjs']);
    expect(facts.effects).toEqual([]);
  });

  it('resolves packages declared by ambient module stubs through the checker', () => {
    const facts = factsFromText({
      'types/pg.d.ts': "declare module 'pg' { export class Pool { query(sql: string): Promise<unknown> } }",
      'src/db.ts': "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const run = (sql: string) => pool.query(sql);",
    });
    expect(facts.calls.map((c) => `${c.to} ${c.resolution}`)).toEqual(['pkg:pg checker']);
    expect(facts.effects.map((e) => e.kind)).toEqual(['db']);
  });
});
