import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { runCli } from './run-cli.js';

/**
 * Seeded, bounded fuzzing: a small but real service is mutated at random (truncation, byte flips,
 * deleted and duplicated lines, junk) and carve must still end as a tool should: exit 0, 2 or 3,
 * at most one line on stderr, never an internal error. Same seed, same 200 mutations, every run.
 */
const SEED = 20261124;
const MUTATIONS = 200;

const BASE: Record<string, string> = {
  // noLib: each round builds a fresh program, and parsing lib.d.ts 200 times would be most of the cost.
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "noLib": true, "baseUrl": ".", "paths": { "@/*": ["src/*"] } }, "include": ["src"] }\n',
  'src/app.ts': "import express, { Router } from 'express';\nimport { page, save } from './bff/page';\nconst app = express();\nconst items = Router();\nitems.get('/:id', page);\nitems.route('/').post(save);\napp.use('/items', items);\n",
  'src/bff/page.ts': "import { itemService } from '@/domain/item.service';\nlet views = 0;\nexport async function page(req: { params: { id: string } }) {\n  views++;\n  return itemService.get(req.params.id);\n}\nexport const save = async () => itemService.save({ id: 'x' });\n",
  'src/domain/item.service.ts': "import { Pool } from 'pg';\nconst pool = new Pool();\nexport class ItemService {\n  async get(id: string) { return pool.query('select', [id]); }\n  async save(item: { id: string }) { return pool.query('insert', [item.id]); }\n}\nexport const itemService = new ItemService();\n",
};

type Mutation = (text: string, random: () => number) => string;
const at = (random: () => number, length: number) => Math.floor(random() * Math.max(1, length));
const MUTATORS: Mutation[] = [
  (text, random) => text.slice(0, at(random, text.length)),
  (text, random) => {
    const bytes = Buffer.from(text);
    for (let n = 0; n < 1 + at(random, 8); n++) bytes[at(random, bytes.length)] = at(random, 256);
    return bytes.toString('latin1');
  },
  (text, random) => {
    const lines = text.split('\n');
    lines.splice(at(random, lines.length), 1 + at(random, 3));
    return lines.join('\n');
  },
  (text, random) => {
    const lines = text.split('\n');
    const index = at(random, lines.length);
    lines.splice(index, 0, lines[index] ?? '');
    return lines.join('\n');
  },
  (text, random) => {
    const junk = ['{', '}', '(', ')', '<', '</script>', '"', '`${', '/*', 'export', '=>', '\u0000', '\uffff'];
    const index = at(random, text.length);
    return text.slice(0, index) + junk[at(random, junk.length)] + text.slice(index);
  },
];

describe('fuzzing carve analyze', () => {
  it(`ends cleanly on ${MUTATIONS} seeded mutations of a small service`, async () => {
    const random = seededRandom(SEED);
    const files = Object.keys(BASE);
    const outcomes = new Map<number, number>();
    for (let round = 0; round < MUTATIONS; round++) {
      const dir = makeTempDir(BASE);
      const file = files[at(random, files.length)]!;
      const mutate = MUTATORS[at(random, MUTATORS.length)]!;
      fs.writeFileSync(path.join(dir, file), mutate(BASE[file]!, random), 'latin1');
      let stderr = '';
      const code = await runCli(['analyze', dir, '--out', path.join(dir, 'out'), '--quiet'], { stdout: () => {}, stderr: (text) => (stderr += text), cwd: dir });
      const context = `round ${round}: ${file} → exit ${code}: ${stderr}`;
      expect([0, 2, 3], context).toContain(code);
      expect(stderr.trim().split('\n').filter(Boolean).length, context).toBeLessThanOrEqual(1);
      expect(stderr, context).not.toContain('internal error');
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The mutations must reach more than one outcome, or they test nothing.
    expect(outcomes.size).toBeGreaterThan(1);
    process.stdout.write(`[fuzz] ${MUTATIONS} mutations, exit codes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}\n`);
  }, 600_000);
});
