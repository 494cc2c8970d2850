import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextPacker, textCount, unpackText } from '../src/input/textPack.js';

const unpackAll = (pack: ReturnType<TextPacker['take']>): string[] => Array.from({ length: textCount(pack) }, (_, k) => unpackText(pack, k));

describe('TextPacker (texts handed to report workers)', () => {
  it('gives back every text as it was added, Latin-1 or not, lone surrogates included (property)', () => {
    const packer = new TextPacker();
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)) })),
          { maxLength: 20 },
        ),
        (texts) => {
          for (const t of texts) packer.add(t);
          expect(unpackAll(packer.take())).toEqual(texts);
        },
      ),
    );
  });

  it('reuses a buffer handed back, and grows past the first one for a big chunk', () => {
    const packer = new TextPacker();
    packer.add('Python and Go');
    const first = packer.take();
    packer.recycle(first.bytes);
    packer.add('Kotlin – Ktor ’24 \ud800');
    const second = packer.take();
    expect(second.bytes.buffer).toBe(first.bytes.buffer);
    expect(unpackAll(second)).toEqual(['Kotlin – Ktor ’24 \ud800']);
    const big = ['é'.repeat(700_000), 'Rust'.repeat(300_000), '✓ Go'];
    for (const t of big) packer.add(t);
    expect(unpackAll(packer.take())).toEqual(big);
  });
});
