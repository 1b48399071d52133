import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The real launcher (bin/carve, which runs dist/). */
export const CARVE_BIN = path.resolve(import.meta.dirname, '../../bin/carve');

/** The real launcher in a child process: exit codes and streams as a user sees them. */
export function runCarve(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CARVE_BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The smallest Express service with one route and one glue function. */
export const TINY_SERVICE = {
  'tsconfig.json': '{"compilerOptions":{"strict":true},"include":["src"]}',
  'package.json': '{"name":"tiny-bff"}',
  'src/app.ts': "import express from 'express';\nimport { page } from './bff/page';\nconst app = express();\napp.get('/pages/:id', page);",
  'src/bff/page.ts': '// Renders one page.\nexport function page(req: unknown) { return req; }',
};
