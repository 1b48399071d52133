import fs from 'node:fs';

/** carve's own version, from its package.json (two levels up from both src/api and dist/api). */
export const TOOL_VERSION: string = (() => {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
})();
