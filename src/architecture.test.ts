import path from 'node:path';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { findViolations, type ImportFact } from './test-support/architecture-rules.js';

const SRC = path.resolve(import.meta.dirname);

function importsOfSrc(): ImportFact[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  project.addSourceFilesAtPaths(`${SRC}/**/*.ts`);
  const facts: ImportFact[] = [];
  for (const sourceFile of project.getSourceFiles()) {
    const file = path.relative(SRC, sourceFile.getFilePath()).split(path.sep).join('/');
    const specifiers = [...sourceFile.getImportDeclarations(), ...sourceFile.getExportDeclarations()].map((d) => d.getModuleSpecifierValue()).filter((s): s is string => !!s);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const resolved = path.resolve(path.dirname(sourceFile.getFilePath()), specifier.replace(/\.js$/, '.ts'));
        facts.push({ file, target: path.relative(SRC, resolved).split(path.sep).join('/'), isPackage: false });
      } else {
        facts.push({ file, target: specifier, isPackage: true });
      }
    }
  }
  return facts;
}

describe('architecture', () => {
  it('src/ keeps the pipeline import rule and the third-party homes', () => {
    const facts = importsOfSrc();
    expect(facts.length).toBeGreaterThan(50);
    expect(findViolations(facts)).toEqual([]);
  });

  it('catches a stage importing a later stage, a stage internal, and a package out of its home', () => {
    expect(
      findViolations([
        { file: 'extract/a.ts', target: 'cluster/index.ts', isPackage: false },
        { file: 'cli/run.ts', target: 'extract/collect-symbols.ts', isPackage: false },
        { file: 'report/r.ts', target: 'ts-morph', isPackage: true },
        { file: 'model/m.ts', target: 'config/index.ts', isPackage: false },
        { file: 'report/r.ts', target: 'scaffold/index.ts', isPackage: false },
      ]),
    ).toEqual([
      'extract/a.ts: extract/ imports cluster/, which is not an earlier stage',
      'cli/run.ts: cli/ may import only api, emit, config, model, util, not extract/',
      'cli/run.ts: imports extract/collect-symbols.ts directly; go through extract/index.ts',
      'report/r.ts: imports ts-morph, which belongs only in load, extract, scaffold',
      'model/m.ts: model/ is shared and may import only model/ and util/, not config/',
      'report/r.ts: report/ may import only model, util, not scaffold/',
    ]);
  });
});
