import path from 'node:path';

/** How the service writes relative imports: `./x`, `./x.js` (NodeNext) or `./x.ts`. */
export type ImportStyle = '' | '.js' | '.ts';

export function importStyleOf(specifiers: readonly string[]): ImportStyle {
  const relative = specifiers.filter((s) => s.startsWith('.'));
  if (relative.some((s) => s.endsWith('.js'))) return '.js';
  if (relative.some((s) => s.endsWith('.ts'))) return '.ts';
  return '';
}

/** The specifier that imports service file `to` from service file `from` (posix, relative to the root). */
export function relativeSpecifier(from: string, to: string, style: ImportStyle): string {
  const withoutExtension = to.replace(/\.(tsx?|jsx?|mts|cts|mjs|cjs)$/, '');
  let spec = path.posix.relative(path.posix.dirname(from), withoutExtension);
  if (!spec.startsWith('.')) spec = `./${spec}`;
  return `${spec}${style}`;
}
