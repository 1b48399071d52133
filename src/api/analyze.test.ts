import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../model/analysis.schema.json' with { type: 'json' };
import { SCHEMA_VERSION } from '../model/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { analyze } from './analyze.js';

const service = {
  'tsconfig.json': '{"compilerOptions":{"strict":true},"include":["src"]}',
  'src/app.ts': "import express from 'express';\nimport { page, save } from './bff/page';\nconst app = express();\napp.get('/pages/:id', page);\napp.post('/pages', save);",
  'src/bff/page.ts': "import { Pool } from 'pg';\nconst pool = new Pool();\nlet hits = 0;\nexport function page(req: unknown) { hits++; return req; }\nexport function save() { return pool.query('insert'); }",
};

describe('analyze', () => {
  const validate = new Ajv({ strict: false }).compile(schema);

  it('produces a model that validates against the published JSON Schema', () => {
    const { analysis } = analyze({ path: makeTempDir(service) });
    expect(analysis.schemaVersion).toBe(SCHEMA_VERSION);
    expect(validate(analysis), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema rejects a model that breaks it', () => {
    const { analysis } = analyze({ path: makeTempDir(service) });
    expect(validate({ ...analysis, candidates: [{ ...analysis.candidates[0], entries: [] }] })).toBe(false);
    expect(validate({ ...analysis, symbols: [{ ...analysis.symbols[0], layer: 'service' }] })).toBe(false);
  });

  it('reports each phase to the hooks, in pipeline order', () => {
    const phases: string[] = [];
    analyze({ path: makeTempDir(service) }, { onPhaseEnd: (phase) => phases.push(phase) });
    expect(phases).toEqual(['config', 'load', 'extract', 'classify', 'graph', 'cluster', 'report']);
  });

  it('carries no absolute path of the machine into the model', () => {
    const dir = makeTempDir(service);
    const { files } = analyze({ path: dir });
    for (const file of files) expect(file.content).not.toContain(dir);
  });
});
