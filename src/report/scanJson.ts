import type { ScanResult } from '../score/types.js';

/** The stable contract: the result object itself, two-space indented, no colour. */
export function scanJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
