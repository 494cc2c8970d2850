import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_KINDS } from '../src/api/schema.js';
import { ROOT, RUNNERS } from './helpers/cli.js';
import { expectValidJson } from './helpers/schema.js';
import Ajv2020 from 'ajv/dist/2020.js';

const file = (kind: string): string => join(ROOT, 'src/model/schema', `${kind}.schema.json`);
const present = SCHEMA_KINDS.filter((k) => existsSync(file(k)));
const absent = SCHEMA_KINDS.filter((k) => !existsSync(file(k)));

/** Compiles a shipped schema as a consumer would (ajv, draft 2020-12, strict): throws when it is not valid. */
function compile(kind: string): void {
  new Ajv2020.default({ strict: true, strictRequired: false, allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync(file(kind), 'utf8')));
}

describe('JSON Schemas', () => {
  it('ships a schema for every JSON output', () => {
    expect([...present].sort()).toEqual(['compare', 'eval', 'report', 'scan']);
    expect(absent).toEqual([]);
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

  it('rejects an unknown kind', async () => {
    const r = await cli(['schema', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown schema "xml" (choose scan, compare, report, eval)');
  });

  it('eval JSON output validates against the eval schema', async () => {
    for (const args of [['fixtures/evaluate/ads'], ['fixtures/evaluate/ads', '--min-f1', '0.99', '--worst', '0']]) {
      expectValidJson('eval', (await cli(['eval', '--labels', 'fixtures/evaluate/labels.json', ...args, '-f', 'json'])).stdout);
    }
  });

  it.runIf(present.includes('scan'))('scan JSON output validates against the scan schema', async () => {
    expectValidJson('scan', (await cli(['scan', 'fixtures/jobs', 'no/such.txt', '-f', 'json'])).stdout);
    // every jsonl line is a document of the scan schema's documents
    const lines = (await cli(['scan', 'fixtures/jobs', '-f', 'jsonl'])).stdout.trim().split('\n');
    expectValidJson('scan', { schemaVersion: 1, taxonomy: { name: 'x', version: '1' }, documents: lines.map((l) => JSON.parse(l)), errors: [] });
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
