import type { EvalReport } from '../model/eval.js';
import type { ReportResult } from '../model/report.js';
import type { ScanResult } from '../model/result.js';
import { evalJson } from './evalJson.js';
import { evalTable } from './evalTable.js';
import type { ReportOptions } from './options.js';
import { reportCsv } from './reportCsv.js';
import { reportHtml } from './reportHtml.js';
import { reportJson } from './reportJson.js';
import { reportMarkdown } from './reportMarkdown.js';
import { reportTable } from './reportTable.js';
import { scanCsv } from './scanCsv.js';
import { scanJson } from './scanJson.js';
import { scanJsonl } from './scanJsonl.js';
import { scanMarkdown } from './scanMarkdown.js';
import { scanTable } from './scanTable.js';

export type { ReportOptions } from './options.js';

/** `scan --format` choices: each a pure function from the result to the text written out. */
export const scanReporters = {
  table: scanTable,
  json: (result: ScanResult, _options: ReportOptions) => scanJson(result),
  jsonl: (result: ScanResult, _options: ReportOptions) => scanJsonl(result),
  markdown: (result: ScanResult, _options: ReportOptions) => scanMarkdown(result),
  csv: (result: ScanResult, _options: ReportOptions) => scanCsv(result),
} satisfies Record<string, (result: ScanResult, options: ReportOptions) => string>;

export type ScanFormat = keyof typeof scanReporters;

/** `eval --format` choices. */
export const evalReporters = {
  table: evalTable,
  json: (report: EvalReport, _options: ReportOptions) => evalJson(report),
} satisfies Record<string, (report: EvalReport, options: ReportOptions) => string>;

export type EvalFormat = keyof typeof evalReporters;

/** `report --format` choices. */
export const reportReporters = {
  table: reportTable,
  json: (result: ReportResult, _options: ReportOptions) => reportJson(result),
  csv: (result: ReportResult, _options: ReportOptions) => reportCsv(result),
  markdown: (result: ReportResult, _options: ReportOptions) => reportMarkdown(result),
  html: (result: ReportResult, _options: ReportOptions) => reportHtml(result),
} satisfies Record<string, (result: ReportResult, options: ReportOptions) => string>;

export type ReportFormat = keyof typeof reportReporters;
