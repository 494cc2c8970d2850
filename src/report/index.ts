import type { ScanResult } from '../score/types.js';
import type { ReportOptions } from './options.js';
import { scanJson } from './scanJson.js';
import { scanTable } from './scanTable.js';

export type { ReportOptions } from './options.js';

/** `scan --format` choices: each a pure function from the result to the text written out. */
export const scanReporters = {
  table: scanTable,
  json: (result: ScanResult, _options: ReportOptions) => scanJson(result),
} satisfies Record<string, (result: ScanResult, options: ReportOptions) => string>;

export type ScanFormat = keyof typeof scanReporters;
