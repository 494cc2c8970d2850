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

  /** The text of the line holding `offset`, without its line break. */
  lineText(text: string, offset: number): string {
    const { line } = this.position(offset);
    const start = this.starts[line - 1]!;
    const end = line < this.starts.length ? this.starts[line]! : text.length;
    return text.slice(start, end).replace(/[\r\n]+$/, '');
  }
}
