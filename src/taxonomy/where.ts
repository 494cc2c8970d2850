import type { SourcePos } from '../model/taxonomy.js';

/** `file:line:col` of a position, for messages. */
export function where(pos: SourcePos | undefined): string {
  return pos ? `${pos.file}:${pos.line}:${pos.col}` : '<taxonomy>';
}
