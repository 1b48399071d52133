import path from 'node:path';
import { Project, type SourceFile } from 'ts-morph';
import { InputError } from '../../model/index.js';

/**
 * Read-only syntax access to the analysed service: files are parsed on demand, never type-checked,
 * never executed. Paths are the analysis's posix paths relative to the service root.
 */
export class ServiceFiles {
  private readonly project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } });

  constructor(readonly serviceRoot: string) {}

  get(file: string): SourceFile {
    const absolute = path.join(this.serviceRoot, ...file.split('/'));
    const existing = this.project.getSourceFile(absolute);
    if (existing) return existing;
    try {
      return this.project.addSourceFileAtPath(absolute);
    } catch {
      throw new InputError(`${absolute}: listed in the analysis but cannot be read; re-run carve analyze`);
    }
  }

  /** The file's text, or null when it is gone: cheap pre-filtering before any parse. */
  text(file: string): string | null {
    const absolute = path.join(this.serviceRoot, ...file.split('/'));
    const fs = this.project.getFileSystem();
    return fs.fileExistsSync(absolute) ? fs.readFileSync(absolute) : null;
  }
}
