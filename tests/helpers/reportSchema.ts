import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { ROOT } from './cli.js';

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: true });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** Validates a JSON output against src/model/schema/<name>.schema.json; returns the errors (empty when valid). */
export function schemaErrors(name: string, value: unknown): string[] {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(`${ROOT}src/model/schema/${name}.schema.json`, 'utf8')));
    validators.set(name, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
