import { Project, ts } from 'ts-morph';
import { assignLayers } from '../classify/index.js';
import { extractFacts } from '../extract/index.js';
import type { LoadedProject } from '../load/index.js';
import { EMPTY_CONFIG } from '../config/index.js';
import type { CarveConfig, EffectKind, Facts, LayeredFacts } from '../model/index.js';

export const ROOT = '/svc';

/**
 * A LoadedProject built from inline sources on an in-memory file system (the ts-morph test habit):
 * a unit test states its 5-line input next to its assertion. Packages are not installed, as in real use.
 */
export function loadFromText(files: Record<string, string>, compilerOptions: ts.CompilerOptions = {}): LoadedProject {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      baseUrl: ROOT,
      paths: { '@/*': ['src/*'] },
      ...compilerOptions,
    },
  });
  for (const [name, text] of Object.entries(files)) project.createSourceFile(`${ROOT}/${name}`, text);
  const sourceFiles = project
    .getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile())
    .sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : 1));
  return { project, root: ROOT, sourceFiles, skipped: [], warnings: [] };
}

export function factsFromText(files: Record<string, string>, effects: Record<string, EffectKind> = {}): Facts {
  return extractFacts(loadFromText(files), { effects });
}

export function layeredFromText(files: Record<string, string>, config: Partial<CarveConfig> = {}): LayeredFacts {
  const full = { ...EMPTY_CONFIG, ...config };
  return assignLayers(extractFacts(loadFromText(files), { effects: full.effects }), full);
}

/** `from -> to` strings, the easiest shape to assert on. */
export function callPairs(facts: Facts): string[] {
  return [...new Set(facts.calls.map((c) => `${c.from} -> ${c.to}`))];
}
