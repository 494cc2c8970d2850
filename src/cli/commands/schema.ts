import type { Command } from 'commander';
import { UsageError } from '../../model/errors.js';
import { SCHEMA_KINDS, jsonSchemaText, type SchemaKind } from '../../api/schema.js';
import { writeReport } from '../output.js';
import type { CommandContext } from '../options.js';

export function registerSchema(program: Command, { io }: CommandContext): void {
  program
    .command('schema')
    .summary('print the JSON Schema of an output')
    .description(`Print the JSON Schema (draft 2020-12) of a command's JSON output: ${SCHEMA_KINDS.join(', ')}.`)
    .argument('<kind>', SCHEMA_KINDS.join(' | '))
    .option('-o, --output <file>', 'write the schema to a file instead of stdout')
    .option('--verbose', 'more detail on errors (stack traces)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ skillscan schema scan > scan.schema.json\n  $ skillscan scan ads/ -f json | npx ajv-cli validate --spec=draft2020 -s scan.schema.json -d /dev/stdin',
    )
    .action((kind: string, options: { output?: string }) => {
      if (!(SCHEMA_KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown schema "${kind}" (choose ${SCHEMA_KINDS.join(', ')})`);
      writeReport(jsonSchemaText(kind as SchemaKind), options.output, io);
    });
}
