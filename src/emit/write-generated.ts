import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OutputError, type RenderedFile } from '../model/index.js';
import { isInside } from '../util/index.js';

/** Hashes of what carve last wrote into an output folder: tells carve's files from the user's edits. */
export const GENERATED_MANIFEST = '.carve-manifest.json';

export interface GeneratedManifest {
  generator: 'carve';
  version: string;
  /** Output-relative posix path → sha256 (hex) of the content carve wrote. */
  files: Record<string, string>;
}

export interface WriteGeneratedOptions {
  /** Overwrite files changed since carve wrote them (and files carve never wrote). */
  force: boolean;
  version: string;
}

export interface WriteGeneratedResult {
  written: string[];
  unchanged: string[];
  /** Existing files carve did not write as they are now (edited, or someone else's): left alone. */
  kept: string[];
  /** Files of the previous generation that are no longer generated and were unedited: deleted. */
  removed: string[];
  /** Files of the previous generation no longer generated but edited since: left alone. */
  staleKept: string[];
}

const sha256 = (content: string | Buffer): string => crypto.createHash('sha256').update(content).digest('hex');

/** Throws unless `relative` is a plain posix path inside the folder: no `..`, `.`, empty part, absolute or backslash. */
export function checkRelative(relative: string): void {
  const bad = !relative || relative.includes('\0') || relative.includes('\\') || path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative) || relative.split('/').some((part) => part === '..' || part === '.' || part === '');
  if (bad || relative === GENERATED_MANIFEST) throw new OutputError(`${relative}: refusing to write a path outside the output folder`);
}

/** Rejects a path that would land outside `realOut` through a symlink, or on a folder. */
function checkTarget(outDir: string, realOut: string, relative: string): string {
  const target = path.join(outDir, ...relative.split('/'));
  let existing = target;
  while (!fs.existsSync(existing) && existing !== outDir) {
    try {
      fs.lstatSync(existing);
      throw new OutputError(`${target}: a dangling symlink is in the way; refusing to write through it`);
    } catch (error) {
      if (error instanceof OutputError) throw error;
    }
    existing = path.dirname(existing);
  }
  const real = fs.realpathSync(existing);
  if (!isInside(realOut, real)) throw new OutputError(`${target}: a symlink leads outside ${outDir}; refusing to write through it`);
  if (existing === target && fs.statSync(target).isDirectory()) throw new OutputError(`${target}: is a folder, carve would write a file there`);
  return target;
}

function readManifest(file: string, force: boolean): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<GeneratedManifest>;
    if (parsed && typeof parsed.files === 'object' && parsed.files !== null) return { ...parsed.files };
  } catch {
    // fall through to the error below
  }
  if (force) return {};
  throw new OutputError(`${file}: not a carve manifest; without it carve cannot tell its files from yours (use --force to regenerate anyway)`);
}

function writeAtomically(target: string, content: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.carve-tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, target);
}

function removeEmptyParents(outDir: string, file: string): void {
  for (let dir = path.dirname(file); dir !== outDir && isInside(outDir, dir); dir = path.dirname(dir)) {
    if (fs.readdirSync(dir).length > 0) return;
    fs.rmdirSync(dir);
  }
}

/**
 * Writes generated files into `outDir` (created if missing) without ever losing a user's edit: a file
 * is overwritten only when its current content is what carve wrote last time (its hash in the
 * manifest) or equals the new content; otherwise it is kept and listed, unless `force`. Every path
 * is checked before anything is written: nothing lands outside `outDir`, through `..`, an absolute
 * path or a symlink. The manifest is written last.
 */
export function writeGenerated(outDir: string, files: readonly RenderedFile[], options: WriteGeneratedOptions): WriteGeneratedResult {
  const out = path.resolve(outDir);
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new OutputError(`${out}: exists and is not a folder; choose another --out`);
  const seen = new Set<string>();
  for (const file of files) {
    checkRelative(file.path);
    if (seen.has(file.path)) throw new OutputError(`${file.path}: generated twice`);
    seen.add(file.path);
  }
  fs.mkdirSync(out, { recursive: true });
  const realOut = fs.realpathSync(out);
  const manifestFile = path.join(out, GENERATED_MANIFEST);
  const previous = readManifest(manifestFile, options.force);
  const targets = files.map((file) => checkTarget(out, realOut, file.path));
  const result: WriteGeneratedResult = { written: [], unchanged: [], kept: [], removed: [], staleKept: [] };
  const next: Record<string, string> = {};
  files.forEach((file, i) => {
    const target = targets[i]!;
    const wanted = sha256(file.content);
    const current = fs.existsSync(target) ? sha256(fs.readFileSync(target)) : null;
    if (current === wanted) {
      result.unchanged.push(file.path);
      next[file.path] = wanted;
    } else if (current === null || current === previous[file.path] || options.force) {
      writeAtomically(target, file.content);
      result.written.push(file.path);
      next[file.path] = wanted;
    } else {
      result.kept.push(file.path);
      if (previous[file.path]) next[file.path] = previous[file.path]!;
    }
  });
  for (const [relative, hash] of Object.entries(previous).sort(([a], [b]) => a.localeCompare(b))) {
    if (seen.has(relative)) continue;
    try {
      checkRelative(relative);
    } catch {
      continue;
    }
    const target = path.join(out, ...relative.split('/'));
    if (!fs.existsSync(target) || !isInside(realOut, fs.realpathSync(target))) continue;
    if (sha256(fs.readFileSync(target)) === hash) {
      fs.rmSync(target);
      removeEmptyParents(out, target);
      result.removed.push(relative);
    } else {
      result.staleKept.push(relative);
      next[relative] = hash;
    }
  }
  const manifest: GeneratedManifest = { generator: 'carve', version: options.version, files: Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b))) };
  writeAtomically(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return result;
}
