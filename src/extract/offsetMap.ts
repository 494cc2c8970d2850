import { lastAtOrBefore } from '../util/search.js';

/**
 * Maps offsets in extracted text back to the source it came from, built piece by piece while the
 * text is written. A piece is either a 1:1 run (each text character stands for one source character,
 * possibly changed, e.g. a newline turned into a space) or a replacement (a few text characters made
 * from one source span: `&#43;` -> `+`, `<li>` -> a line break). Text removed from the source (tags,
 * scripts, comments) has no piece at all. Pieces are stored as parallel number arrays: a 20 MB page
 * has few pieces per line, not one entry per character.
 */
export class OffsetMap {
  private readonly textStart: number[] = [];
  private readonly sourceStart: number[] = [];
  private readonly sourceEnd: number[] = [];
  private readonly oneToOne: boolean[] = [];
  private textLength = 0;

  /** `length` text characters copied 1:1 from `source[from, from + length)`. */
  copy(from: number, length: number): void {
    if (length <= 0) return;
    const last = this.textStart.length - 1;
    if (last >= 0 && this.oneToOne[last] && this.sourceEnd[last] === from) {
      this.sourceEnd[last] = from + length; // extends the previous run
    } else this.push(from, from + length, true);
    this.textLength += length;
  }

  /** `length` text characters made from the whole of `source[from, to)`. */
  replace(from: number, to: number, length: number): void {
    if (length <= 0) return;
    this.push(from, to, false);
    this.textLength += length;
  }

  /**
   * The source offset of the text character at `offset` (the start of its span for a replacement);
   * with `end`, `offset` is an exclusive end and the result is the exclusive end in the source, so
   * that a match ending inside a replacement covers the whole of it (`C&#43;&#43;`, not `C&#43;&`).
   */
  toSource(offset: number, end = false): number {
    if (this.textStart.length === 0) return offset;
    const at = end ? offset - 1 : offset;
    const i = this.pieceAt(at);
    const within = at - this.textStart[i]!;
    if (this.oneToOne[i]) return Math.min(this.sourceStart[i]! + within, this.sourceEnd[i]! - 1) + (end ? 1 : 0);
    return end ? this.sourceEnd[i]! : this.sourceStart[i]!;
  }

  get length(): number {
    return this.textLength;
  }

  private push(from: number, to: number, oneToOne: boolean): void {
    this.textStart.push(this.textLength);
    this.sourceStart.push(from);
    this.sourceEnd.push(to);
    this.oneToOne.push(oneToOne);
  }

  private pieceAt(offset: number): number {
    return lastAtOrBefore(this.textStart, offset);
  }
}
