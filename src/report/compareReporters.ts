import type { CompareResult } from '../model/compare.js';
import { compareCsv } from './compareCsv.js';
import { compareJson, compareJsonl } from './compareJson.js';
import { compareMarkdown } from './compareMarkdown.js';
import { compareTable } from './compareTable.js';
import type { ReportOptions } from './options.js';

/** `compare --format` choices: each a pure function from the result to the text written out. */
export const compareReporters = {
  table: compareTable,
  json: (result: CompareResult, _options: ReportOptions) => compareJson(result),
  jsonl: (result: CompareResult, _options: ReportOptions) => compareJsonl(result),
  markdown: compareMarkdown,
  csv: (result: CompareResult, _options: ReportOptions) => compareCsv(result),
} satisfies Record<string, (result: CompareResult, options: ReportOptions) => string>;

export type CompareFormat = keyof typeof compareReporters;
