import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSTFIX_CUE, PREFIX_CUE, QUICK_CUE } from '../src/text/sections.js';

// QUICK_CUE lets inlineCues skip lines that cannot hold a cue; it must match wherever a cue does.
const CUES = [
  'is a plus', 'are a big bonus', 'would be an advantage', 'is also an asset', 'is an added bonus', 'are always welcome', 'is nice-to-have', 'is desirable',
  'is preferred', 'would be beneficial', 'is appreciated', 'is optional', 'is not required', 'is not mandatory', 'is not a must', 'a huge plus', 'nice to have',
  'an added advantage', 'an asset', '(preferred)', 'a bonus.', 'ist von Vorteil', 'wünschenswert', 'ein Pluspunkt', 'gern gesehen', 'willkommen', 'est un gros plus',
  'un atout', 'appréciées', 'souhaitées', 'bienvenue', 'de préférence', 'es un plus', 'deseables', 'valorables', 'bienvenidos', 'suma puntos', 'ideally', 'preferably',
  'bonus points for', 'extra points if', 'bonus if', 'a plus if', 'even better if', "it's a plus if", 'plus if', 'idealerweise', 'vorzugsweise', 'idéalement',
  'idealmente', 'preferentemente', 'preferiblemente', 'se valorarán', 'se valora',
];
const FILLER = ['Go', 'Kafka', 'experience with', 'and', 'Postgres,', 'knowledge of', '', 'AWS', 'strong'];
const caseChange = (s: string, upper: boolean[]): string => [...s].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join('');

describe('inline cue prefilter', () => {
  it('matches every line an inline cue matches (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILLER), fc.constantFrom(...CUES), fc.constantFrom(...FILLER), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (before, cue, after, upper) => {
        const line = `${before} ${caseChange(cue, upper)} ${after}`;
        const cueFound = new RegExp(POSTFIX_CUE.source, 'iu').test(line) || new RegExp(PREFIX_CUE.source, 'iu').test(line);
        expect(cueFound).toBe(true); // the samples are cues
        expect(QUICK_CUE.test(line)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
