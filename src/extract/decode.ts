/** Decoded text of an input, or why it cannot be read as text. */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'gzip-compressed data'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old-style Office document (.doc/.xls); save it as .docx'],
];

/**
 * Bytes to text: a BOM picks UTF-8 or UTF-16 LE/BE; otherwise UTF-8, with invalid bytes (Latin-1
 * files, say) replaced by U+FFFD so the rest is still scanned. NUL bytes or a known binary signature
 * mean the input is not text at all.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), 'utf-8 (BOM)');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: UTF16LE.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: UTF16BE.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  for (const [magic, what] of SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) return { ok: false, reason: `binary file (${what}), not text` };
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not text' };
  return utf8(bytes, 'utf-8');
}

// Decoders are stateless between whole-input calls: one each, not one per file (report reads thousands).
const UTF8 = new TextDecoder('utf-8');
const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

function utf8(bytes: Uint8Array, encoding: string): Decoded {
  const text = UTF8.decode(bytes);
  if (looksBinary(text)) return { ok: false, reason: 'binary file (mostly control characters or invalid UTF-8), not text' };
  return { ok: true, text, encoding };
}

const BAD_CHAR = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;

/** Random bytes decode to a soup of U+FFFD and control characters; real text has few of either. */
function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 8192);
  // Most text has not one such character: a regex scan says so much faster than the loop below.
  if (!BAD_CHAR.test(sample === text.length ? text : text.slice(0, sample))) return false;
  let bad = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad / sample > 0.1;
}
