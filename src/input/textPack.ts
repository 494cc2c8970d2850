/**
 * Many texts in one transferable buffer, for handing parsed ads to a worker. A worker that receives
 * them as strings gets them all at once, so they outlive its small young generation and cost full
 * collections (measured: ~0.25 s more GC over the shared corpus); decoding one text at a time from
 * bytes keeps each short-lived. Texts of Latin-1 characters only take a byte per character, the
 * others UTF-16.
 */
export interface PackedTexts {
  bytes: Uint8Array;
  /** Per text: byte start, byte end, and 1 when stored as UTF-16 (else Latin-1). */
  spans: Int32Array;
}

// A code unit above 0xff: such a text needs two bytes per unit.
const WIDE = /[^\u0000-\u00ff]/;

/**
 * Packs texts as they come, so each string can die young where it was made (a chunk's worth held
 * until packing made the main thread's young generation grow: +45 MB peak RSS on the corpus).
 */
export class TextPacker {
  private scratch = Buffer.allocUnsafeSlow(1 << 20);
  private spans: number[] = [];
  private used = 0;
  private spares: Uint8Array[] = [];

  add(text: string): void {
    const wide = WIDE.test(text);
    const need = text.length * (wide ? 2 : 1);
    if (this.used + need > this.scratch.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.scratch.length * 2, this.used + need));
      this.scratch.copy(next, 0, 0, this.used);
      this.scratch = next;
    }
    const start = this.used;
    this.used += this.scratch.write(text, start, wide ? 'utf16le' : 'latin1');
    this.spans.push(start, this.used, wide ? 1 : 0);
  }

  /**
   * The texts added since the last take, in a buffer of their own (transferable without a copy):
   * one handed back through `recycle` when it is big enough. Each new buffer is memory outside the
   * heap that a thread frees only at a full collection, so a chunk each grew peak RSS by ~40 MB.
   */
  take(): PackedTexts {
    const k = this.spares.findIndex((b) => b.byteLength >= this.used);
    const bytes = k >= 0 ? this.spares.splice(k, 1)[0]! : new Uint8Array(Math.max(this.used, 1 << 19));
    this.scratch.copy(bytes, 0, 0, this.used);
    const packed = { bytes, spans: Int32Array.from(this.spans) };
    this.spans = [];
    this.used = 0;
    return packed;
  }

  /** A pack's buffer, done with, for a later take. */
  recycle(bytes: Uint8Array): void {
    if (this.spares.length < 4) this.spares.push(bytes);
  }
}

export function textCount(pack: PackedTexts): number {
  return pack.spans.length / 3;
}

/** Text k of the pack, as it was added. */
export function unpackText(pack: PackedTexts, k: number): string {
  const { bytes, spans } = pack;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.toString(spans[k * 3 + 2] === 1 ? 'utf16le' : 'latin1', spans[k * 3]!, spans[k * 3 + 1]!);
}
