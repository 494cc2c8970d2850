/**
 * Text of a Word .docx, with mammoth (loaded only when a .docx is read). Paragraphs come out
 * separated by blank lines. Positions reported for a .docx are line:column in this extracted text:
 * the file itself is zipped XML.
 */
export async function docxToText(bytes: Uint8Array): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const { default: mammoth } = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { ok: true, text: value };
  } catch (error) {
    const reason = (error as Error)?.message?.split('\n')[0]?.replace(/\.$/, '');
    return { ok: false, message: `not a valid .docx (zip) file${reason ? ` (${reason})` : ''}` };
  }
}
