import type { ScanResult } from '../model/result.js';

/**
 * JSON Lines: one compact document result per line (the objects of `documents` in the JSON format),
 * for streaming and `jq -c`. Inputs that failed are not lines: they go to stderr and exit code 2.
 */
export function scanJsonl(result: ScanResult): string {
  return result.documents.map((doc) => `${JSON.stringify(doc)}\n`).join('');
}
