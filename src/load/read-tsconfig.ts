import path from 'node:path';
import { ts } from 'ts-morph';
import { InputError } from '../model/index.js';

export interface ParsedTsconfig {
  compilerOptions: ts.CompilerOptions;
  /** `references` of a solution-style config, as tsconfig files. */
  references: string[];
  fileNames: string[];
  warnings: string[];
}

/**
 * Diagnostics that only describe options (unknown `types` packages, deprecations, a missing
 * `extends` base) must never stop an analysis: the target was not installed, and that is the point.
 */
const FATAL_CONFIG_CODES = new Set([
  1005, 1012, 1109, 1127, 1136, 1160, 1161, 1327, 1328, // JSON syntax
  18000, // circular extends ("Circularity detected while resolving configuration: a -> b -> a")
]);

function flatten(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}

/** Reads a tsconfig through the TypeScript API only; nothing in the target is executed. */
export function readTsconfig(file: string, host: ts.ParseConfigHost = ts.sys): ParsedTsconfig {
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) throw new InputError(`${file}: cannot read tsconfig (${flatten(read.error)})`);
  if (typeof read.config !== 'object' || read.config === null || Array.isArray(read.config)) {
    throw new InputError(`${file}: tsconfig is not a JSON object`);
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(file), undefined, file);
  const warnings: string[] = [];
  for (const diagnostic of parsed.errors) {
    // Messages name files by absolute path; the model must not carry the machine's paths.
    const message = flatten(diagnostic).split(`${path.dirname(file)}${path.sep}`).join('');
    if (FATAL_CONFIG_CODES.has(diagnostic.code)) throw new InputError(`${file}: ${message}`);
    // TS18003 "No inputs were found" is reported by the caller with a clearer message.
    if (diagnostic.code !== 18003) warnings.push(`${path.basename(file)}: ${message}`);
  }
  const references = (parsed.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference));
  return { compilerOptions: parsed.options, references, fileNames: parsed.fileNames, warnings };
}
