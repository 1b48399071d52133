import { describe, expect, it } from 'vitest';
import { layeredFromText } from '../test-support/in-memory-project.js';
import { layerFromPath } from './heuristics.js';

const layerOf = (facts: ReturnType<typeof layeredFromText>, id: string) => {
  const symbol = facts.symbols.find((s) => s.id === id);
  return symbol && `${symbol.layer} ${symbol.layerReason}`;
};

describe('assignLayers', () => {
  const files = {
    'src/app.ts': "import express from 'express';\nimport { show } from './legacy/show';\nconst app = express();\napp.get('/x', show);",
    'src/legacy/show.ts': 'export function show() { return 1; }\nexport function helper() { return 2; }',
    'src/domain/item.service.ts': 'export class ItemService { get() { return 1; } }',
    'src/misc/payment-client.ts': 'export class PaymentClient { pay() { return 1; } }',
    'src/misc/store.ts': "import { Pool } from 'pg';\nconst pool = new Pool();\nexport function save() { return pool.query('x'); }",
    'src/misc/format.ts': 'export function formatPrice(n: number) { return String(n); }',
  };

  it('uses the heuristics in their documented order, recording the one that decided', () => {
    const facts = layeredFromText(files);
    expect(layerOf(facts, 'src/legacy/show.ts#show')).toBe('entry heuristic:route-handler');
    expect(layerOf(facts, 'src/domain/item.service.ts#ItemService.get')).toBe('domain heuristic:file-suffix(.service)');
    expect(layerOf(facts, 'src/misc/payment-client.ts#PaymentClient.pay')).toBe('infrastructure heuristic:name-suffix(Client)');
    expect(layerOf(facts, 'src/misc/store.ts#save')).toBe('infrastructure heuristic:calls-infrastructure-package');
    expect(layerOf(facts, 'src/misc/format.ts#formatPrice')).toBe('glue heuristic:default-glue');
  });

  it('lets a config rule win over every heuristic, by file glob or symbol pattern', () => {
    const facts = layeredFromText(files, {
      layers: [
        { files: 'src/legacy/**', symbols: '^helper$', layer: 'domain' },
        { files: 'src/legacy/**', layer: 'glue' },
      ],
    });
    expect(layerOf(facts, 'src/legacy/show.ts#helper')).toBe('domain config:layers[0]');
    expect(layerOf(facts, 'src/legacy/show.ts#show')).toBe('glue config:layers[1]');
    expect(facts.files.find((f) => f.file === 'src/legacy/show.ts')).toMatchObject({ layer: 'glue', layerReason: 'config:layers[1]' });
  });

  it('gives a file the layer its path states, else the layer most of its code has', () => {
    const facts = layeredFromText(files);
    expect(facts.files.find((f) => f.file === 'src/domain/item.service.ts')?.layer).toBe('domain');
    expect(facts.files.find((f) => f.file === 'src/misc/store.ts')).toMatchObject({ layer: 'infrastructure', layerReason: 'heuristic:majority-of-symbols' });
  });
});

describe('layerFromPath', () => {
  it('prefers the file suffix, then the innermost telling folder', () => {
    expect(layerFromPath('src/bff/item/item.controller.ts')?.layer).toBe('entry');
    expect(layerFromPath('src/bff/item/services/x.ts')?.layer).toBe('domain');
    expect(layerFromPath('src/infra/db.ts')?.layer).toBe('infrastructure');
    expect(layerFromPath('src/server.ts')?.layer).toBe('entry');
  });

  it('says nothing for paths that state nothing', () => {
    expect(layerFromPath('src/misc/thing.ts')).toBeUndefined();
    expect(layerFromPath('src/deep/nested/server.ts')).toBeUndefined();
  });
});
