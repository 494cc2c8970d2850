import { lastAtOrBefore } from './search.js';

/**
 * Offsets to 1-based line and column. Line breaks are LF, CRLF (one break) and a lone CR, so
 * positions are right whatever the file's line-ending style. Columns count UTF-16 code units, as
 * JavaScript strings and most editors' "column" (for BMP text) do.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    const line = lastAtOrBefore(this.starts, offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1 };
  }

  /**
   * The line holding `offset`, trimmed to at most `width` characters around it ("…" where cut). Only
   * that window is copied: a text of one very long line costs no copy of the line per match.
   */
  snippet(text: string, offset: number, width: number): string {
    const line = lastAtOrBefore(this.starts, offset);
    const start = this.starts[line]!;
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! : text.length;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    const length = end - start;
    if (length <= width) return text.slice(start, end).trim();
    const from = Math.max(0, Math.min(offset - start - 40, length - width));
    const cut = text.slice(start + from, start + from + width).trim();
    return `${from > 0 ? '…' : ''}${cut}${from + width < length ? '…' : ''}`;
  }
}
