import fs from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { ConfigError, type CarveConfig } from '../model/index.js';
import schema from './carve-config.schema.json' with { type: 'json' };

const validate = new Ajv({ allErrors: false, strict: true, strictRequired: false }).compile(schema);

export const EMPTY_CONFIG: CarveConfig = { layers: [], effects: {}, exclude: [] };

/** `/layers/0/layer` → `layers[0].layer`: the way a user would point at the key. */
function keyPath(error: ErrorObject): string {
  // JSON Pointer writes '/' as ~1 and '~' as ~0; show keys as the user wrote them.
  const parts = error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let key = '';
  for (const part of parts) key += /^\d+$/.test(part) ? `[${part}]` : key ? `.${part}` : part;
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return key ? `${key}.${extra}` : extra;
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return key ? `${key}.${missing}` : missing;
  }
  return key || '(root)';
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'unknown key';
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'anyOf':
      return 'needs `files` or `symbols`';
    default:
      return error.message ?? 'is invalid';
  }
}

/** Checks a parsed config value; what a schema cannot say (regex syntax) is asserted after it. */
export function assertConfig(value: unknown, file: string): CarveConfig {
  if (!validate(value)) {
    // For `anyOf`, ajv lists each failed branch before the anyOf itself; the anyOf says it better.
    const error = validate.errors?.find((e) => e.keyword === 'anyOf') ?? validate.errors?.[0];
    throw new ConfigError(file, error ? keyPath(error) : '', error ? describe(error) : 'is invalid');
  }
  const config = value as Partial<CarveConfig>;
  (config.layers ?? []).forEach((rule, index) => {
    if (rule.symbols === undefined) return;
    try {
      new RegExp(rule.symbols);
    } catch {
      throw new ConfigError(file, `layers[${index}].symbols`, 'is not a valid regular expression');
    }
  });
  return { ...EMPTY_CONFIG, ...config };
}

/** Reads carve.config.json as JSON only: a config is data, never code from the analysed repository. */
export function readConfigFile(file: string): CarveConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, '', 'cannot be read');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, '', `is not valid JSON (${(error as Error).message})`);
  }
  return assertConfig(value, file);
}
