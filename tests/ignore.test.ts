import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutSkills } from '../src/score/ignore.js';
import { mini, miniScanner } from './helpers/mini.js';

const TEXT = 'Django and Go developer; C++ and PostgreSQL, caching with Redis.';

describe('withoutSkills', () => {
  it('drops the ignored skills and what only they implied, and rescores', () => {
    const doc = miniScanner.scanText(TEXT);
    expect(doc.skills.some((s) => s.id === 'python' && s.implied)).toBe(true);
    const out = withoutSkills(doc, new Set(['django']), mini.compiled);
    expect(out.skills.map((s) => s.id)).not.toContain('django');
    expect(out.skills.map((s) => s.id)).not.toContain('python'); // implied by django only
    expect(out.score).toBeLessThan(doc.score);
    expect(withoutSkills(doc, new Set(), mini.compiled)).toBe(doc);
  });

  it('equals scanning with a taxonomy that never found them, for any ignore set', () => {
    const doc = miniScanner.scanText(TEXT);
    const ids = mini.compiled.skills.map((s) => s.id);
    fc.assert(
      fc.property(fc.subarray(ids), (ignored) => {
        const out = withoutSkills(doc, new Set(ignored), mini.compiled);
        for (const s of out.skills) {
          expect(ignored).not.toContain(s.id);
          if (s.implied) for (const from of s.impliedBy!) expect(out.skills.some((k) => k.id === from && !k.implied)).toBe(true);
        }
        const namedLeft = doc.skills.filter((s) => !s.implied && !ignored.includes(s.id)).map((s) => s.id);
        expect(out.skills.filter((s) => !s.implied).map((s) => s.id)).toEqual(namedLeft);
        expect(out.score).toBeLessThanOrEqual(doc.score);
      }),
    );
  });
});
