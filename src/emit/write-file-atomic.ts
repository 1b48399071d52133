import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeTextSync } from './write-text.js';

/**
 * Writes one file so that a reader sees the old content or the new, never half: a sibling temp
 * file, then a rename. Used for cache entries, which concurrent runs may read while one writes.
 */
export function writeFileAtomic(file: string, content: string | readonly string[]): void {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  try {
    // Parts are written one after the other: joining a header to a 100 MB body would copy it.
    writeTextSync(temp, content);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
