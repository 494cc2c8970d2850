import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

/** The published schemas, by output kind: src/model/schema/<kind>.schema.json. */
export type SchemaKind = 'scan' | (string & {});

const validators = new Map<string, ValidateFunction>();

/**
 * The published schema leaves objects open (`additionalProperties: true`) where fields may be added
 * in the same schemaVersion. Our own output is checked against a closed copy, so that a field we
 * emit but did not describe fails here instead of going out undocumented.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'additionalProperties' && value === true ? false : closed(value);
  return out;
}

function validator(kind: SchemaKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(ROOT, 'src/model/schema', `${kind}.schema.json`), 'utf8'));
    const ajv = new Ajv2020.default({ allErrors: true, strict: true, strictRequired: false });
    addFormats.default(ajv);
    validate = ajv.compile(closed(schema) as object);
    validators.set(kind, validate);
  }
  return validate;
}

/** Asserts that `value` (parsed JSON, or the JSON text) is valid output of `kind`; returns it parsed. */
export function expectValidJson(kind: SchemaKind, value: unknown): any {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  const validate = validator(kind);
  const valid = validate(parsed);
  expect(valid ? [] : validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  return parsed;
}

/** Fails the test with ajv's messages when `value` is not valid compare JSON. */
export function expectCompareSchema(value: unknown): void {
  expectValidJson('compare', value);
}
