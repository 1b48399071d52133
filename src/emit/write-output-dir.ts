import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OutputError, type RenderedFile } from '../model/index.js';
import { isInside } from '../util/index.js';
import { writeTextSync } from './write-text.js';

/** Marks a folder as carve's own: only such a folder is replaced without --force. */
export const OUTPUT_MARKER = '.carve-output';

export interface WriteOptions {
  force: boolean;
}

function assertSafeRelativePath(outDir: string, relative: string): string {
  if (!relative || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
    throw new OutputError(`${relative}: refusing to write a path outside the output folder`);
  }
  const target = path.resolve(outDir, relative);
  if (!isInside(outDir, target) || target === outDir) throw new OutputError(`${relative}: refusing to write a path outside the output folder`);
  return target;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after a run that was killed (Ctrl-C, SIGKILL, power loss) while writing `outDir`: its
 * temp folder is removed and, if it died between the two renames, the previous output it had set
 * aside is put back. Folders of a carve that is still running are left alone.
 */
export function recoverInterruptedOutput(outDir: string): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  if (!fs.existsSync(parent)) return;
  const leftover = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-[0-9a-f]+$`);
  for (const name of fs.readdirSync(parent).sort()) {
    const match = leftover.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid !== process.pid && isAlive(pid)) continue;
    const full = path.join(parent, name);
    if (match[1] === 'old' && !fs.existsSync(target)) fs.renameSync(full, target);
    else fs.rmSync(full, { recursive: true, force: true });
  }
}

/**
 * Replaces `outDir` whole with `files`: they are written to a sibling temp folder, then swapped in
 * by rename, so a reader (or a crash, or Ctrl-C) sees either the old output or the new, never half.
 * A folder carve did not make is not replaced without `force`.
 */
export function writeOutputDir(outDir: string, files: readonly RenderedFile[], options: WriteOptions): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  recoverInterruptedOutput(target);
  if (fs.existsSync(target)) {
    const stat = fs.lstatSync(target);
    if (!stat.isDirectory()) throw new OutputError(`${target}: exists and is not a folder; choose another --out`);
    const ours = fs.existsSync(path.join(target, OUTPUT_MARKER));
    const empty = fs.readdirSync(target).length === 0;
    if (!ours && !empty && !options.force) throw new OutputError(`${target}: folder exists and was not written by carve; use --force to replace it`);
  }
  fs.mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const temp = path.join(parent, `.${base}.tmp-${suffix}`);
  const old = path.join(parent, `.${base}.old-${suffix}`);
  try {
    fs.mkdirSync(temp);
    for (const file of files) {
      const destination = assertSafeRelativePath(temp, file.path);
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      writeTextSync(destination, file.content);
    }
    fs.writeFileSync(path.join(temp, OUTPUT_MARKER), 'This folder is written by carve and replaced whole on every run.\n');
    if (fs.existsSync(target)) fs.renameSync(target, old);
    fs.renameSync(temp, target);
  } catch (error) {
    if (fs.existsSync(old) && !fs.existsSync(target)) fs.renameSync(old, target);
    throw error;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
}
