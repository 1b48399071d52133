import fs from 'node:fs';

/** UTF-16 units per write: a 100 MB string is encoded 4 MB at a time, not into one 100 MB buffer. */
export const WRITE_CHUNK = 4 * 1024 * 1024;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * Writes text to a new file in slices. `fs.writeFileSync(file, text)` encodes the whole string
 * into one buffer first, which at 500k lines of analysed code doubled the memory the report took.
 */
export function writeTextSync(file: string, content: string | readonly string[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const text of typeof content === 'string' ? [content] : content) {
      let start = 0;
      while (start < text.length) {
        let end = Math.min(start + WRITE_CHUNK, text.length);
        // Never split a surrogate pair: each half alone would be written as U+FFFD.
        if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
        fs.writeSync(fd, text.slice(start, end));
        start = end;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}
