import fs from 'node:fs';
import path from 'node:path';
import type { ts } from 'ts-morph';
import { readTsconfig, type ParsedTsconfig } from './read-tsconfig.js';

export interface ServiceTsconfig extends ParsedTsconfig {
  /** The config the options and files came from: the one asked for, or a project it references. */
  file: string;
}

/**
 * The tsconfig that actually holds the service's sources. A solution-style config (`"files": []`
 * with `references`, as Nx and `tsc -b` set-ups write) lists nothing itself; then the referenced
 * project with the most sources carve would analyse is used (tsconfig.app.json rather than
 * tsconfig.spec.json, whose files are tests), with its own options. Its references are followed
 * too, a few levels deep; configs that cannot be read are passed over with a warning.
 */
export function readServiceTsconfig(file: string, host: ts.ParseConfigHost, isServiceSource: (file: string) => boolean): ServiceTsconfig {
  const top = readTsconfig(file, host);
  if (top.fileNames.some(isServiceSource) || top.references.length === 0) return { ...top, file };
  const warnings = [...top.warnings];
  let best: { parsed: ParsedTsconfig; file: string; count: number } | undefined;
  const visit = (references: string[], depth: number, seen: Set<string>): void => {
    for (const reference of references) {
      if (seen.has(reference) || !fs.existsSync(reference)) continue;
      seen.add(reference);
      let parsed: ParsedTsconfig;
      try {
        parsed = readTsconfig(reference, host);
      } catch (error) {
        // The message names the file by absolute path; the model must not carry the machine's paths.
        warnings.push(`${path.basename(reference)}: referenced config not used (${(error as Error).message.split(`${reference}: `).join('')})`);
        continue;
      }
      const count = parsed.fileNames.filter(isServiceSource).length;
      if (count > (best?.count ?? 0)) best = { parsed, file: reference, count };
      if (depth < 3) visit(parsed.references, depth + 1, seen);
    }
  };
  visit(top.references, 1, new Set([file]));
  if (!best) return { ...top, warnings, file };
  warnings.push(`${path.basename(file)}: lists no sources, only references; analysing ${path.relative(path.dirname(file), best.file)}, the referenced project with the most sources`, ...best.parsed.warnings);
  return { ...best.parsed, warnings, file: best.file };
}
