import { createTwoFilesPatch } from 'diff';

/** Text inserted at an offset of an existing file: the monolith patch only ever adds. */
export interface Insertion {
  at: number;
  text: string;
}

export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  let result = text;
  for (const insertion of [...insertions].sort((a, b) => b.at - a.at)) result = result.slice(0, insertion.at) + insertion.text + result.slice(insertion.at);
  return result;
}

/** A `git apply`-able unified diff of one file, with `a/` and `b/` prefixes and no index line. */
export function filePatch(file: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3, headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true } });
  return `diff --git a/${file} b/${file}\n${patch}`;
}
