import { decodeText } from './decode.js';

/**
 * Plain text of an input, ready for the tokenizer. Offsets of matches are offsets into `text`; when
 * extraction changed the text (markup removed), `toSource` maps them back to the decoded file so that
 * line:column point into the original.
 */
export interface Extracted {
  text: string;
  /** The decoded input as it is on disk (equal to `text` for plain text). */
  source: string;
  /** Offset in `text` -> offset in `source`; absent when they are the same. */
  toSource?: (offset: number) => number;
  format: 'text';
}

export type ExtractResult = (Extracted & { ok: true }) | { ok: false; message: string };

/** Decodes bytes into text (see decode.ts); `path` is a hint for formats recognised by name. */
export function extractText(bytes: Uint8Array, _path?: string): ExtractResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.reason };
  return { ok: true, text: decoded.text, source: decoded.text, format: 'text' };
}
