import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';
import { WRITE_CHUNK, writeTextSync } from './write-text.js';

describe('writeTextSync', () => {
  it('writes text larger than one slice byte for byte, a surrogate pair on the slice boundary included', () => {
    const file = path.join(makeTempDir(), 'big.json');
    const text = `${'a'.repeat(WRITE_CHUNK - 1)}😀</script>${'é'.repeat(WRITE_CHUNK)}`;
    writeTextSync(file, text);
    expect(fs.readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes parts one after the other', () => {
    const file = path.join(makeTempDir(), 'entry.json');
    writeTextSync(file, ['{"key":1}\n', '{"body":true}']);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"key":1}\n{"body":true}');
  });
});
