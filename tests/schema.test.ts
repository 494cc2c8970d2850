import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SCHEMA_KINDS } from '../src/schema/jsonSchema.js';
import { ROOT, RUNNERS } from './helpers/cli.js';

const file = (kind: string): string => join(ROOT, 'src/schema', `${kind}.schema.json`);
const present = SCHEMA_KINDS.filter((k) => existsSync(file(k)));
const absent = SCHEMA_KINDS.filter((k) => !existsSync(file(k)));

function compile(kind: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(file(kind), 'utf8')));
}

describe('JSON Schemas', () => {
  it('ships at least the eval schema', () => {
    expect(present).toContain('eval');
  });

  it.each(present)('%s.schema.json is a valid draft 2020-12 schema', (kind) => {
    const schema = JSON.parse(readFileSync(file(kind), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => compile(kind)).not.toThrow();
  });
});

describe.each(RUNNERS)('skillscan schema (%s)', (_mode, cli) => {
  it.each(present)('schema %s prints the shipped file verbatim', async (kind) => {
    const r = await cli(['schema', kind]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(file(kind), 'utf8'));
  });

  it.runIf(absent.length > 0)('a kind without a schema in this build yet fails clearly', async () => {
    for (const kind of absent) {
      const r = await cli(['schema', kind]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`no JSON Schema for "${kind}"`);
    }
  });

  it('rejects an unknown kind', async () => {
    const r = await cli(['schema', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown schema "xml" (choose scan, compare, report, eval)');
  });

  it('eval JSON output validates against the eval schema', async () => {
    const validate = compile('eval');
    for (const args of [['fixtures/evaluate/ads'], ['fixtures/evaluate/ads', '--min-f1', '0.99', '--worst', '0']]) {
      const out = JSON.parse((await cli(['eval', '--labels', 'fixtures/evaluate/labels.json', ...args, '-f', 'json'])).stdout);
      expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it.runIf(present.includes('scan'))('scan JSON output validates against the scan schema', async () => {
    const out = JSON.parse((await cli(['scan', 'fixtures/jobs', 'no/such.txt', '-f', 'json'])).stdout);
    const validate = compile('scan');
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe.each(RUNNERS)('help (%s)', (_mode, cli) => {
  it.each([['eval'], ['taxonomy'], ['schema'], ['scan']])('%s --help shows examples', async (command) => {
    const r = await cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`skillscan ${command}`);
  });

  it('the program help lists every command', async () => {
    const r = await cli(['--help']);
    for (const command of ['scan', 'eval', 'taxonomy', 'schema']) expect(r.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
  });
});
