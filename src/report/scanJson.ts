import type { ScanResult } from '../model/result.js';

/** The stable contract: the result object itself, two-space indented, no colour. */
export function scanJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
