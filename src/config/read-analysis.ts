import fs from 'node:fs';
import { Ajv } from 'ajv';
import schema from '../model/analysis.schema.json' with { type: 'json' };
import { InputError, SCHEMA_VERSION, type Analysis } from '../model/index.js';

// Compiled on first use: `carve analyze` never needs it, and compiling costs a tenth of a second at startup.
let compiled: ReturnType<Ajv['compile']> | undefined;
const validator = (): ReturnType<Ajv['compile']> => (compiled ??= new Ajv({ allErrors: false, strict: false }).compile(schema));

/**
 * A saved analysis.json, checked against the schema of this carve version before anything renders
 * it: a model from another major version, or one edited by hand into an invalid shape, is refused
 * with the key that is wrong.
 */
export function readAnalysisFile(file: string): Analysis {
  return analysisFromValue(readJsonInput(file), file);
}

/** A JSON file the user named: unreadable or malformed is one InputError naming the file. */
export function readJsonInput(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`${file}: cannot be read`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: is not valid JSON (${(error as Error).message})`);
  }
  return value;
}

/** A parsed value checked as an analysis.json of this major version (`file` names it in errors). */
export function analysisFromValue(value: unknown, file: string): Analysis {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'string' || version.split('.')[0] !== SCHEMA_VERSION.split('.')[0]) {
    throw new InputError(`${file}: schemaVersion ${JSON.stringify(version)} is not supported (this carve reads ${SCHEMA_VERSION.split('.')[0]}.x)`);
  }
  const validate = validator();
  if (!validate(value)) {
    const error = validate.errors?.[0];
    throw new InputError(`${file}: ${error?.instancePath || '(root)'} ${error?.message ?? 'is invalid'}`);
  }
  return value as unknown as Analysis;
}
