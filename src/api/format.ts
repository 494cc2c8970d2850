import { Chalk } from 'chalk';
import { scanReporters, type ScanFormat } from '../report/index.js';
import type { ScanResult } from '../model/result.js';

/** A scan result as the CLI would print it in `format` (no colour): `formatScan(result, 'markdown')`. */
export function formatScan(result: ScanResult, format: ScanFormat, options: { explain?: boolean } = {}): string {
  const reporter = scanReporters[format] as ((r: ScanResult, o: { chalk: InstanceType<typeof Chalk>; explain: boolean }) => string) | undefined;
  if (!reporter) throw new TypeError(`unknown format "${format}" (choose ${Object.keys(scanReporters).join(', ')})`);
  return reporter(result, { chalk: new Chalk({ level: 0 }), explain: options.explain ?? false });
}
