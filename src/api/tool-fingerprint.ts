import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let fingerprint: string | undefined;

/**
 * A digest of carve's own code (every file of src/ or dist/, whichever is running) and of its
 * package.json, whose dependencies are pinned exactly: the version number alone does not change
 * while carve is developed, and a cache entry made by different code must never be trusted.
 */
export function toolFingerprint(): string {
  if (fingerprint) return fingerprint;
  const codeRoot = fileURLToPath(new URL('..', import.meta.url));
  const hash = crypto.createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(`${path.relative(codeRoot, full)}\0`).update(fs.readFileSync(full)).update('\0');
    }
  };
  walk(codeRoot);
  hash.update(fs.readFileSync(new URL('../../package.json', import.meta.url)));
  fingerprint = hash.digest('hex');
  return fingerprint;
}
