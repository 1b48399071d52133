/**
 * The pipeline's import rule (../shared/design/code-style-anchors.md §3), as data:
 * a stage imports only stages to its left, plus model/ and util/; other stages only through index.ts.
 */
export const STAGE_ORDER = ['config', 'load', 'extract', 'classify', 'graph', 'cluster', 'report', 'scaffold', 'emit', 'api', 'cli'] as const;
const SHARED = new Set(['model', 'util']);

/** Stages that are siblings: same rank, never importing each other. */
const RANK: Record<string, number> = { config: 0, load: 1, extract: 2, classify: 3, graph: 4, cluster: 5, report: 6, scaffold: 6, emit: 7, api: 8, cli: 9 };

/** Narrower allowances on top of the order. */
const ONLY: Record<string, readonly string[]> = {
  report: ['model', 'util'],
  cli: ['api', 'emit', 'config', 'model', 'util'],
};

/** Each third-party package has one home. */
export const PACKAGE_HOMES: Record<string, readonly string[]> = {
  'ts-morph': ['load', 'extract', 'scaffold'],
  graphology: ['graph', 'cluster'],
  'graphology-communities-louvain': ['cluster'],
  yargs: ['cli'],
  d3: ['report'],
  'node:child_process': ['emit'],
  'node:fs': ['config', 'load', 'emit', 'api', 'report'],
  esbuild: ['scaffold'],
};

export interface ImportFact {
  /** Importing file, relative to src/ (posix). */
  file: string;
  /** Imported file relative to src/ for project imports, or the package specifier. */
  target: string;
  isPackage: boolean;
}

const folderOf = (file: string): string => (file.includes('/') ? file.split('/')[0]! : '');

export function findViolations(imports: readonly ImportFact[]): string[] {
  const violations: string[] = [];
  for (const { file, target, isPackage } of imports) {
    const from = folderOf(file);
    if (from === 'test-support' || /\.test\.ts$/.test(file)) continue;
    if (isPackage) {
      const pkg = target.startsWith('node:') ? target : target.split('/')[0]!.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]!;
      const homes = PACKAGE_HOMES[pkg === 'fs' ? 'node:fs' : pkg];
      if (homes && !homes.includes(from)) violations.push(`${file}: imports ${pkg}, which belongs only in ${homes.join(', ')}`);
      continue;
    }
    const to = folderOf(target);
    if (to === from) continue;
    if (to === 'test-support') {
      violations.push(`${file}: production code imports test support`);
      continue;
    }
    if (SHARED.has(from)) {
      if (!SHARED.has(to)) violations.push(`${file}: ${from}/ is shared and may import only model/ and util/, not ${to}/`);
      if (from === 'model' && to === 'util') violations.push(`${file}: model/ imports nothing else`);
      continue;
    }
    if (!SHARED.has(to)) {
      const only = ONLY[from];
      if (only && !only.includes(to)) violations.push(`${file}: ${from}/ may import only ${only.join(', ')}, not ${to}/`);
      else if ((RANK[to] ?? Infinity) >= (RANK[from] ?? -Infinity)) violations.push(`${file}: ${from}/ imports ${to}/, which is not an earlier stage`);
      if (!/\/index\.ts$/.test(target)) violations.push(`${file}: imports ${target} directly; go through ${to}/index.ts`);
    }
  }
  return violations;
}
