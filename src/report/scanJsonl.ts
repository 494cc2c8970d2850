import type { DocumentResult, ScanResult } from '../model/result.js';

/**
 * JSON Lines: one compact document result per line (the objects of `documents` in the JSON format),
 * for streaming and `jq -c`. Inputs that failed are not lines: they go to stderr and exit code 2.
 */
export function scanJsonl(result: ScanResult): string {
  return result.documents.map(scanJsonlLine).join('');
}

/** One line of the JSON Lines format, for writers that stream documents as they are scanned. */
export function scanJsonlLine(doc: DocumentResult): string {
  return `${JSON.stringify(doc)}\n`;
}
