import type { RenderedFile } from '../model/index.js';
import { GENERATED_BY_CARVE, isCarveGenerated } from '../util/index.js';

type CommentStyle = { line: string } | { open: string; close: string } | null;

const LINE_COMMENT: Record<string, string> = {
  ts: '//', tsx: '//', mts: '//', cts: '//', js: '//', jsx: '//', mjs: '//', cjs: '//',
  yaml: '#', yml: '#', sh: '#', toml: '#', properties: '#', env: '#',
};

const DOTFILE_COMMENT = new Set(['.gitignore', '.gitattributes', '.fcignore', '.carveignore', '.npmignore', '.dockerignore', '.env.example', 'Dockerfile']);

function commentStyle(file: string): CommentStyle {
  const base = file.split('/').at(-1) ?? file;
  if (DOTFILE_COMMENT.has(base)) return { line: '#' };
  const extension = base.includes('.') ? base.split('.').at(-1)!.toLowerCase() : '';
  if (extension === 'md' || extension === 'html' || extension === 'xml' || extension === 'svg') return { open: '<!--', close: '-->' };
  const line = LINE_COMMENT[extension];
  return line ? { line } : null;
}

/**
 * The do-not-edit header of generated files. The first line follows Go's convention
 * (`^// Code generated .* DO NOT EDIT\.$`, https://go.dev/s/generatedcode), which editors, linters
 * and GitHub recognise; the second says how to regenerate. JSON has no comments: such files are
 * tracked by the manifest's hashes only. carve's loader skips files that start with it, so a merged
 * scaffold is never analysed as the service's own code.
 */
export function generatedHeader(file: string, version: string, regenerateCommand: string): string | null {
  const style = commentStyle(file);
  if (!style) return null;
  const lines = [`${GENERATED_BY_CARVE} ${version}. DO NOT EDIT.`, `Regenerate: ${regenerateCommand}`];
  if ('line' in style) return lines.map((text) => `${style.line} ${text}`).join('\n') + '\n';
  return `${style.open} ${lines.map((text) => text.replace(/--(!?)>/g, '-- $1>')).join('\n     ')} ${style.close}\n`;
}

/** The file with its header first (after a `#!` line, which must stay first); unchanged if it has one. */
export function withGeneratedHeader(file: RenderedFile, version: string, regenerateCommand: string): RenderedFile {
  const header = generatedHeader(file.path, version, regenerateCommand);
  if (!header || isCarveGenerated(file.content)) return file;
  if (file.content.startsWith('#!')) {
    const newline = file.content.indexOf('\n');
    const shebang = newline < 0 ? `${file.content}\n` : file.content.slice(0, newline + 1);
    return { path: file.path, content: shebang + header + (newline < 0 ? '' : file.content.slice(newline + 1)) };
  }
  return { path: file.path, content: header + file.content };
}
