import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The real launcher (bin/carve, which runs dist/): exit codes and streams as a user sees them. */
export const CARVE_BIN = path.resolve(import.meta.dirname, '../../bin/carve');

export function runCarve(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CARVE_BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
