import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../api/index.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { clientOperationFor, type MonolithPlan } from '../contract.js';
import { planMonolith } from './plan-monolith.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const expressTypes = fs.readFileSync(path.join(repo, 'fixtures/market-bff/types/express.d.ts'), 'utf8');

function planFor(files: Record<string, string>, route: string): { dir: string; plan: MonolithPlan } {
  const dir = makeTempDir(files);
  const { analysis } = analyze({ path: dir });
  const candidate = analysis.candidates.find((c) => c.entries.includes(route))!;
  return { dir, plan: planMonolith({ analysis, serviceRoot: dir }, candidate, candidate.remoteCalls.map((call) => clientOperationFor(candidate.name, call))) };
}

function applyAndCheck(dir: string, plan: MonolithPlan): string {
  for (const file of plan.files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.content);
  }
  execFileSync('git', ['apply', '-'], { cwd: dir, input: plan.patch });
  try {
    execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe('planMonolith on other service shapes', () => {
  it('a NodeNext service with .js imports, a handler inside a middleware array and a class with no exported instance', () => {
    const { dir, plan } = planFor(
      {
        'package.json': '{"type":"module"}',
        'tsconfig.json': '{"compilerOptions":{"strict":true,"target":"ES2022","module":"NodeNext","moduleResolution":"NodeNext","noUnusedLocals":true,"noUnusedParameters":true,"noUncheckedIndexedAccess":true,"exactOptionalPropertyTypes":true,"verbatimModuleSyntax":true,"types":[]},"include":["src","types"]}',
        'types/express.d.ts': expressTypes,
        'src/server.ts': "import express from 'express';\nimport { stockRouter } from './routes/stock.routes.js';\n\nconst server = express();\nserver.use('/stock', stockRouter);\nserver.listen(3000);\n",
        'src/routes/stock.routes.ts': "import { Router, type Request, type Response, type NextFunction } from 'express';\nimport { stockOf, reserve } from '../bff/stock.flow.js';\n\nconst audit = (_req: Request, _res: Response, next: NextFunction) => next();\nexport const stockRouter = Router();\nstockRouter.get('/:sku', [audit, stockOf]);\nstockRouter.post('/:sku/reserve', audit, reserve);\n",
        'src/bff/stock.flow.ts': "import type { Request, Response } from 'express';\nimport { inventory } from '../domain/inventory.js';\nimport { Ledger } from '../domain/ledger.js';\n\nconst ledger = new Ledger();\nexport async function stockOf(req: Request, res: Response) {\n  res.json({ left: await inventory.count(req.params['sku'] ?? '') });\n}\nexport async function reserve(req: Request, res: Response) {\n  await ledger.note(req.params['sku'] ?? '');\n  res.json({ ok: await inventory.take(req.params['sku'] ?? '', 1) });\n}\n",
        'src/domain/inventory.ts': 'export const inventory = {\n  async count(sku: string): Promise<number> {\n    return sku.length;\n  },\n  async take(sku: string, n: number): Promise<boolean> {\n    return sku.length >= n;\n  },\n};\n',
        'src/domain/ledger.ts': 'export class Ledger {\n  async note(sku: string): Promise<void> {\n    void sku;\n  }\n}\n',
      },
      'GET /stock/:sku',
    );
    expect(plan.patch).toContain("+import { viaStock } from '../carve/stock/toggle.js';");
    expect(plan.patch).toContain("stockRouter.get('/:sku', [audit, viaStock('stockOf', stockOf)]);");
    expect(plan.patch).toContain("+import { stockInternalRouter } from './carve/stock/internal.js';");
    expect(plan.files.find((f) => f.path === 'src/carve/stock/remote.ts')!.content).toContain("from './port.js';");
    expect(plan.notes?.join('\n')).toMatch(/ledgerNote answers 501: .*no exported instance of Ledger/);
    expect(applyAndCheck(dir, plan)).toBe('');
  }, 60_000);

  it('a service without a src folder gets its files under carve/ at the root', () => {
    const files = {
      'tsconfig.json': '{"compilerOptions":{"strict":true,"target":"ES2022","module":"ESNext","moduleResolution":"Bundler","types":[]},"include":["*.ts","types"]}',
      'types/express.d.ts': expressTypes,
      'app.ts': "import express from 'express';\nimport { list, show } from './glue';\n\nexport const app = express();\napp.get('/things', list);\napp.get('/things/:id', show);\n",
      'glue.ts': "import type { Request, Response } from 'express';\n\nexport function list(_req: Request, res: Response) {\n  res.json([]);\n}\nexport function show(req: Request, res: Response) {\n  res.json({ id: req.params.id });\n}\n",
    };
    const listed = planFor(files, 'GET /things');
    expect(listed.plan.files[0]!.path).toMatch(/^carve\/[a-z-]+\/port\.ts$/);
    expect(listed.plan.patch).toMatch(/\+app\.get\('\/things', via\w+\('list', list\)\);/);
    expect(applyAndCheck(listed.dir, listed.plan)).toBe('');
  }, 60_000);

  it('koa-docs: Koa routes go through the port and the internal router mounts with .routes(); every candidate type-checks', () => {
    const fixture = path.join(repo, 'fixtures/koa-docs');
    const { analysis } = analyze({ path: fixture });
    expect(analysis.candidates.length).toBeGreaterThan(1);
    for (const [i, candidate] of analysis.candidates.entries()) {
      const dir = makeTempDir();
      fs.cpSync(fixture, dir, { recursive: true });
      const plan = planMonolith({ analysis, serviceRoot: dir }, candidate, candidate.remoteCalls.map((call) => clientOperationFor(candidate.name, call)));
      expect(plan.notes, candidate.name).toEqual([]);
      const added = plan.patch.split('\n').filter((line) => line.startsWith('+')).join('\n');
      expect(added.match(/via\w+\('\w+', /g)?.length, candidate.name).toBe(candidate.entries.length);
      if (candidate.remoteCalls.length > 0) expect(plan.patch).toMatch(/\+app\.use\(\w+InternalRouter\.routes\(\)\);/);
      // Type-checking is slow on a shared machine: two candidates show it, the rest must apply.
      if (i < 2) expect(applyAndCheck(dir, plan), candidate.name).toBe('');
      else execFileSync('git', ['apply', '--check', '-'], { cwd: dir, input: plan.patch });
    }
  }, 120_000);
});
