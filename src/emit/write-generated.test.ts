import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../model/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { GENERATED_MANIFEST, writeGenerated } from './write-generated.js';

const options = { force: false, version: '0.1.0' };
const read = (dir: string, file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');
const listAll = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

describe('writeGenerated', () => {
  it('writes the files and a manifest of their sha256 hashes', () => {
    const out = path.join(makeTempDir(), 'out');
    const result = writeGenerated(out, [{ path: 'a/b.ts', content: 'one' }, { path: 'c.json', content: '{}' }], options);
    expect(result.written).toEqual(['a/b.ts', 'c.json']);
    const manifest = JSON.parse(read(out, GENERATED_MANIFEST));
    expect(manifest.files['a/b.ts']).toBe('7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed');
    expect(Object.keys(manifest.files)).toEqual(['a/b.ts', 'c.json']);
  });

  it('a user-edited file survives regeneration; the others are updated; --force overwrites it', () => {
    const out = makeTempDir();
    writeGenerated(out, [{ path: 'edited.ts', content: 'v1' }, { path: 'plain.ts', content: 'v1' }], options);
    fs.writeFileSync(path.join(out, 'edited.ts'), 'my change');
    const again = writeGenerated(out, [{ path: 'edited.ts', content: 'v2' }, { path: 'plain.ts', content: 'v2' }], options);
    expect(again.kept).toEqual(['edited.ts']);
    expect(again.written).toEqual(['plain.ts']);
    expect(read(out, 'edited.ts')).toBe('my change');
    expect(read(out, 'plain.ts')).toBe('v2');
    const third = writeGenerated(out, [{ path: 'edited.ts', content: 'v3' }, { path: 'plain.ts', content: 'v2' }], options);
    expect(third.kept).toEqual(['edited.ts']);
    expect(third.unchanged).toEqual(['plain.ts']);
    const forced = writeGenerated(out, [{ path: 'edited.ts', content: 'v3' }, { path: 'plain.ts', content: 'v2' }], { ...options, force: true });
    expect(forced.written).toEqual(['edited.ts']);
    expect(read(out, 'edited.ts')).toBe('v3');
  });

  it('never overwrites a file it did not write, unless forced', () => {
    const out = makeTempDir({ 'README.md': 'mine' });
    expect(writeGenerated(out, [{ path: 'README.md', content: 'generated' }], options).kept).toEqual(['README.md']);
    expect(read(out, 'README.md')).toBe('mine');
  });

  it('deletes files it no longer generates when unedited, keeps them when edited', () => {
    const out = makeTempDir();
    writeGenerated(out, [{ path: 'gone/x.ts', content: 'x' }, { path: 'edited.ts', content: 'e' }, { path: 'stays.ts', content: 's' }], options);
    fs.writeFileSync(path.join(out, 'edited.ts'), 'changed');
    const result = writeGenerated(out, [{ path: 'stays.ts', content: 's' }], options);
    expect(result.removed).toEqual(['gone/x.ts']);
    expect(result.staleKept).toEqual(['edited.ts']);
    expect(fs.existsSync(path.join(out, 'gone'))).toBe(false);
    expect(read(out, 'edited.ts')).toBe('changed');
  });

  it.each(['../escape.ts', '/etc/passwd', 'a/../../b.ts', 'a\\..\\b.ts', '', GENERATED_MANIFEST])('rejects %j before writing anything', (bad) => {
    const out = makeTempDir();
    expect(() => writeGenerated(out, [{ path: 'ok.ts', content: 'ok' }, { path: bad, content: 'x' }], options)).toThrow(OutputError);
    expect(listAll(out)).toEqual([]);
  });

  it('does not write through a symlink that leads outside the output folder', () => {
    const outside = makeTempDir();
    const out = makeTempDir();
    fs.symlinkSync(outside, path.join(out, 'link'));
    expect(() => writeGenerated(out, [{ path: 'ok.ts', content: 'ok' }, { path: 'link/x.ts', content: 'x' }], options)).toThrow(/symlink leads outside/);
    expect(listAll(outside)).toEqual([]);
    expect(fs.existsSync(path.join(out, 'ok.ts'))).toBe(false);
  });

  it('refuses a manifest it cannot read unless forced', () => {
    const out = makeTempDir({ [GENERATED_MANIFEST]: 'not json' });
    expect(() => writeGenerated(out, [{ path: 'a.ts', content: 'a' }], options)).toThrow(/not a carve manifest/);
    expect(writeGenerated(out, [{ path: 'a.ts', content: 'a' }], { ...options, force: true }).written).toEqual(['a.ts']);
  });
});
