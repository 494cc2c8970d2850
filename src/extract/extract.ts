import { decodeText } from './decode.js';

export type Format = 'text' | 'html' | 'pdf' | 'docx';

/**
 * Plain text of an input, ready for the tokenizer. Offsets of matches are offsets into `text`; when
 * extraction changed the text (HTML markup removed), `toSource` maps them back to the decoded file
 * so that line:column point into the original.
 *
 * Where positions point, per format:
 * - text: the file itself.
 * - html: the original HTML file. A match's reported `text` is the original span, markup and all:
 *   "C++" written `C&#43;&#43;` is reported as `C&#43;&#43;` at the column of its "C", so that
 *   line:column and `text` always read back from the file the user has.
 * - pdf, docx: the extracted text (`source`), which is all there is: a PDF places glyphs on a page
 *   and has no lines or columns; a .docx is zipped XML.
 */
export interface Extracted {
  text: string;
  /** What line:column refer to: the decoded file (text, html) or the extracted text (pdf, docx). */
  source: string;
  /**
   * Offset in `text` -> offset in `source`; absent when they are the same. With `end`, `offset` is
   * an exclusive end and so is the result (a match ending inside `&#43;` ends after its `;`).
   */
  toSource?: (offset: number, end?: boolean) => number;
  format: Format;
}

export type ExtractResult = (Extracted & { ok: true }) | { ok: false; message: string };

/**
 * Recognises the format by content (a name is only a hint) and extracts its text: PDF by its
 * `%PDF-` header, .docx as a zip holding `word/document.xml`, HTML by name or by looking like a
 * page, anything else decoded as text. The PDF, .docx and HTML code is loaded only when needed.
 * Never throws for a bad input: it returns the reason instead.
 */
export async function extractText(bytes: Uint8Array, path?: string): Promise<ExtractResult> {
  if (bytes.length === 0) return { ok: false, message: 'empty file, nothing to scan' };
  const ext = /\.([a-z0-9]+)$/i.exec(path ?? '')?.[1]?.toLowerCase();
  if (isPdf(bytes)) return extracted(await (await import('./pdf.js')).pdfToText(bytes), 'pdf');
  if (ext === 'pdf') return { ok: false, message: 'not a valid PDF (no %PDF- header)' };
  if (isDocx(bytes) || ext === 'docx') return extracted(await (await import('./docx.js')).docxToText(bytes), 'docx');
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.reason };
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || looksLikeHtml(decoded.text)) {
    const { text, map } = (await import('./html.js')).htmlToText(decoded.text);
    return { ok: true, text, source: decoded.text, toSource: (offset, end) => map.toSource(offset, end), format: 'html' };
  }
  return { ok: true, text: decoded.text, source: decoded.text, format: 'text' };
}

/** True when decoded text looks like an HTML page rather than prose that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const sample = text.length > 100_000 ? text.slice(0, 100_000) : text;
  if (!sample.includes('<')) return false; // most plain text: no tag to look for
  const head = text
    .slice(0, 1024)
    .replace(/^[\ufeff\s]+/, '')
    .slice(0, 20)
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return (sample.match(/<(?:p|div|br|li)\b[^<>]*>/gi)?.length ?? 0) >= 3;
}

function extracted(result: { ok: true; text: string } | { ok: false; message: string }, format: Format): ExtractResult {
  return result.ok ? { ok: true, text: result.text, source: result.text, format } : result;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const PDF_MAGIC = Buffer.from('%PDF-');
const ZIP_MAGIC = ascii('PK\x03\x04');

/** `%PDF-` within the first KB (the spec tolerates a little junk before it). */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).indexOf(PDF_MAGIC) >= 0;
}

/** A zip whose entries include `word/document.xml` (names are stored uncompressed in zips). */
function isDocx(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('word/document.xml') >= 0;
}
