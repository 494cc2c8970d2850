import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SkillscanError } from '../model/errors.js';

/** Outputs with a JSON Schema (draft 2020-12), each in src/model/schema/<kind>.schema.json. */
export const SCHEMA_KINDS = ['scan', 'compare', 'report', 'eval'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

// Bundled into dist/ (the build copies the schemas to dist/schema/) or run from src/api/ in tests.
const CANDIDATES = ['../dist/schema/', '../model/schema/', '../../dist/schema/'].map((dir) => new URL(dir, import.meta.url));

/** Where the schema of `kind` is in this package, if this build has it. */
export function schemaPath(kind: SchemaKind): string | undefined {
  for (const dir of CANDIDATES) {
    const path = fileURLToPath(new URL(`${kind}.schema.json`, dir));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** The schema's text exactly as shipped; a clear error when this build has none for `kind`. */
export function jsonSchemaText(kind: SchemaKind): string {
  const path = schemaPath(kind);
  if (!path)
    throw new SkillscanError(
      `skillscan: this build has no JSON Schema for "${kind}" output yet`,
      `available: ${SCHEMA_KINDS.filter((k) => schemaPath(k)).join(', ') || 'none'}`,
    );
  return readFileSync(path, 'utf8');
}

/** The schema of `kind` as an object (for validators such as ajv). */
export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  return JSON.parse(jsonSchemaText(kind)) as Record<string, unknown>;
}
