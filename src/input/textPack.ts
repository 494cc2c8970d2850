/**
 * Many texts in one transferable buffer, for handing parsed ads to a worker. A worker that receives
 * them as strings gets them all at once, so they outlive its small young generation and cost full
 * collections; decoding one text at a time from
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
 * Packs texts as they come, straight into the buffer that will be handed over, so each string can
 * die young where it was made (a chunk's worth of strings held until packing made the main thread's
 * young generation grow).
 */
export class TextPacker {
  private buffer: Buffer | undefined;
  private spans: number[] = [];
  private used = 0;
  private spares: Buffer[] = [];

  add(text: string): void {
    const wide = WIDE.test(text);
    const need = this.used + text.length * (wide ? 2 : 1);
    if (!this.buffer || need > this.buffer.length) this.buffer = this.grown(need);
    const start = this.used;
    this.used += this.buffer.write(text, start, wide ? 'utf16le' : 'latin1');
    this.spans.push(start, this.used, wide ? 1 : 0);
  }

  /**
   * The texts added since the last take, in a buffer of their own (transferable without a copy,
   * and perhaps longer than they need). Buffers come back through `recycle`: each new one is memory
   * outside the heap that a thread frees only at a full collection, so one per chunk grew peak RSS.
   */
  take(): PackedTexts {
    const bytes = this.buffer ?? this.grown(0);
    const packed = { bytes, spans: Int32Array.from(this.spans) };
    this.buffer = undefined;
    this.spans = [];
    this.used = 0;
    return packed;
  }

  /** A pack's buffer, done with, for a later take. */
  recycle(bytes: Uint8Array): void {
    if (this.spares.length < 4) this.spares.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** A buffer of at least `size` bytes holding the bytes packed so far: a spare, or a new one. */
  private grown(size: number): Buffer {
    const k = this.spares.findIndex((b) => b.length >= size);
    // Its own memory (no shared pool), so it moves to a worker whole; room for a typical chunk.
    const next = k >= 0 ? this.spares.splice(k, 1)[0]! : Buffer.allocUnsafeSlow(Math.max(size * 1.5, 1 << 20));
    if (this.buffer) this.buffer.copy(next, 0, 0, this.used);
    return next;
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
