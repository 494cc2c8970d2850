/**
 * Text of a PDF, with pdf.js (through unpdf, loaded only when a PDF is read: it is the largest thing
 * skillscan can load). Pages are joined by a blank line. Positions reported for a PDF are line:column
 * in this extracted text: a PDF has no lines or columns of its own, only glyphs placed on a page.
 */
export async function pdfToText(bytes: Uint8Array): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages: string[];
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy. Verbosity 0: its
    // warnings go to console.log, which is our stdout (and the JSON on it).
    const doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      pages = (await extractText(doc, { mergePages: false })).text;
    } finally {
      await doc.destroy();
    }
  } catch (error) {
    return { ok: false, message: describePdfError(error) };
  }
  const text = pages.join('\n\n');
  if (text.trim() === '') return { ok: false, message: 'no text layer (scanned image?); run OCR first' };
  return { ok: true, text };
}

function describePdfError(error: unknown): string {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'PasswordException') return 'PDF is encrypted (password-protected); save an unprotected copy first';
  const reason = e?.message ? `: ${e.message.replace(/\.$/, '')}` : '';
  return `not a valid PDF (corrupt or truncated${reason})`;
}
