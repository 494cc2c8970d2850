import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scanner, loadTaxonomy } from '../src/index.js';
import { findLevelRanges, levelCues, mentionOffsets, preferredCue } from '../src/analyze/sections.js';

const { after: POSTFIX_CUE, before: PREFIX_CUE, quick: QUICK_CUE } = levelCues();
const SECTION_CUE_WORDS = loadTaxonomy().compiled.cues.words;

// The cues' quick test lets inlineCues skip lines that cannot hold a cue; it must match wherever a cue does.
const CUES = [
  'is a plus',
  'are a big bonus',
  'would be an advantage',
  'is also an asset',
  'is an added bonus',
  'are always welcome',
  'is nice-to-have',
  'is desirable',
  'is preferred',
  'would be beneficial',
  'is appreciated',
  'is optional',
  'is not required',
  'is not mandatory',
  'is not a must',
  'a huge plus',
  'nice to have',
  'an added advantage',
  'an asset',
  '(preferred)',
  'a bonus.',
  'ist von Vorteil',
  'wünschenswert',
  'ein Pluspunkt',
  'gern gesehen',
  'willkommen',
  'est un gros plus',
  'un atout',
  'appréciées',
  'souhaitées',
  'bienvenue',
  'de préférence',
  'es un plus',
  'deseables',
  'valorables',
  'bienvenidos',
  'suma puntos',
  'ideally',
  'preferably',
  'bonus points for',
  'extra points if',
  'bonus if',
  'a plus if',
  'even better if',
  "it's a plus if",
  'plus if',
  'idealerweise',
  'vorzugsweise',
  'idéalement',
  'idealmente',
  'preferentemente',
  'preferiblemente',
  'se valorarán',
  'se valora',
];
const FILLER = ['Go', 'Kafka', 'experience with', 'and', 'Postgres,', 'knowledge of', '', 'AWS', 'strong'];
const caseChange = (s: string, upper: boolean[]): string => [...s].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join('');

describe('inline cue prefilter', () => {
  it('matches every line an inline cue matches (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILLER),
        fc.constantFrom(...CUES),
        fc.constantFrom(...FILLER),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        (before, cue, after, upper) => {
          const line = `${before} ${caseChange(cue, upper)} ${after}`;
          const cueFound = new RegExp(POSTFIX_CUE.source, 'iu').test(line) || new RegExp(PREFIX_CUE.source, 'iu').test(line);
          expect(cueFound).toBe(true); // the samples are cues
          expect(QUICK_CUE.test(line)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// The forward cues' expression starts with a lookahead for its texts' first letters: each forward cue, in any
// case, must still match it on its own (POSTFIX_CUE's samples are the rest of CUES, checked above).
describe('forward cue expression', () => {
  const FORWARD = [
    'ideally',
    'preferably',
    'bonus points for',
    'extra points if',
    'bonus if',
    'a plus if',
    'even better if',
    "it's a plus if",
    'plus if',
    'idealerweise',
    'vorzugsweise',
    'idéalement',
    'de préférence',
    'idealmente',
    'preferentemente',
    'preferiblemente',
    'se valorarán',
    'se valora',
  ];
  it('matches every forward cue in lower, upper and title case', () => {
    for (const cue of FORWARD) {
      for (const text of [cue, cue.toUpperCase(), cue[0]!.toUpperCase() + cue.slice(1)])
        expect(new RegExp(PREFIX_CUE.source, 'iu').exec(`Go, ${text} Rust`)?.[0].toLowerCase()).toBe(cue);
    }
  });
});

// findLevelRanges reads only lines holding a cue word (noted by the tokenizer) when given `cues`;
// skipping the other lines must never change a result.
describe('cue-word line skipping', () => {
  const matcher = new Scanner(loadTaxonomy().compiled).matcher;
  const scan = (text: string): { mentions: number[]; cues: number[] } => {
    const cues: number[] = [];
    const mentions = mentionOffsets(matcher.match(text, cues));
    return { mentions, cues };
  };
  const same = (text: string): void => {
    const { mentions, cues } = scan(text);
    expect(findLevelRanges(text, undefined, cues)).toEqual(findLevelRanges(text));
    expect(findLevelRanges(text, mentions, cues)).toEqual(findLevelRanges(text, mentions));
  };

  const texts = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(md|txt|html?)$/.test(e.name))
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));

  it('gives the same ranges as reading every line, on every fixture ad and CV', () => {
    const all = [...texts('fixtures/jobs'), ...texts('fixtures/eval'), ...texts('fixtures/compare')];
    expect(all.length).toBeGreaterThan(50);
    for (const text of all) same(text);
  });

  const LINES = [
    '## Nice to have',
    'NICE TO HAVE',
    'Bonus:',
    '**Preferred qualifications**',
    '<h3>Nice to have</h3>',
    'Von Vorteil',
    'Les petits plus',
    'Compétences souhaitées',
    'Requirements',
    '## Benefits',
    'We offer',
    'Perks: pension',
    'Key skills: Go, AWS',
    'Kafka is a plus',
    'ideally Terraform',
    '(GCP preferred)',
    'Go is a plus.Kafka',
    'experience.Preferred skills: Kafka',
    'architectureNice to have:',
    '## architectureNice to have:',
    'stackBonus points:',
    'Nice to have:<br>',
    'Nice to have: React, Heroku',
    '- Python',
    '  wrapped Redis line',
    '',
    'Docker and AWS',
    '<b>Bonus</b>:',
    '&nbsp;Nice to have',
    'Wünschenswert: Kotlin',
    'Se valorará Rust',
    '1. Good to have',
    'It would be great if you know Scala',
    'Rust .preferred.',
    '<p>',
    '<a',
    'title="x">',
    'Postgres experience is also welcome',
    'bonus points for Elixir',
  ];
  it('gives the same ranges on generated documents (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom('\n', '\r\n', '\n\n', ' ', '.', '')), { maxLength: 14 }), (parts) => {
        same(parts.map(([line, glue]) => line + glue).join(''));
      }),
      { numRuns: 400 },
    );
  });

  // Lines are searched for inline cues only when they hold a word of INLINE_CUE_WORDS (or a negated
  // "not required"): every inline cue, in any case, next to skills and to words that are cues only in headings.
  it('finds every inline cue on lines skipped for other cue words (property)', () => {
    const OTHER = ['great', 'good', 'required', 'must', 'Additional', 'love', 'ideal', 'not', 'not a', ''];
    fc.assert(
      fc.property(
        fc.constantFrom(...FILLER),
        fc.constantFrom(...OTHER),
        fc.constantFrom(...CUES),
        fc.constantFrom(...FILLER),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        (before, other, cue, after, upper) => {
          const text = `Intro line\n${before} Kafka ${other} ${caseChange(cue, upper)} ${after}\nGo ${other}\n`;
          same(text);
          const { mentions, cues } = scan(text);
          if (!cue.startsWith('(')) expect(findLevelRanges(text, mentions, cues).length).toBeGreaterThan(0); // "(preferred)" alone is a clause of its own
        },
      ),
      { numRuns: 600 },
    );
  });

  it('notes cue words glued to others by "." "+" "#" or after a leading "."', () => {
    for (const text of ['Kafka is a plus.Go', 'Rust .preferred.', 'Scala#bonus', 'C++plus']) {
      const at = text.search(/plus|preferred|bonus/);
      expect(scan(text).cues).toContain(at);
    }
  });

  it('every sample cue and preferred heading holds a cue word', () => {
    const headings = [
      'Nice to have',
      'Bonus points',
      'Preferred qualifications',
      'Desired skills',
      'Additional qualifications',
      'Optional',
      'Pluses',
      'What would make you stand out',
      'Even better',
      "We'd love it if you",
      'Advantageous',
      'Added bonus',
      'Extras',
      'Not required but',
      'Helpful',
      'Von Vorteil',
      'Pluspunkte',
      'Das wäre schön',
      'Kein Muss',
      'Gern gesehen',
      'Les petits plus',
      'Atouts',
      'Compétences appréciées',
      'Idéalement',
      'Serait un atout',
      'Deseable',
      'Valorable',
      'Se valorará',
      'Suman puntos',
      'Puntos extra',
      'Es un plus',
      'Idealmente',
      'Requisitos deseados',
      "It'd be awesome",
      'It would be ideal',
      'Brownie points',
    ];
    for (const sample of [...CUES, ...headings]) {
      expect(scan(sample).cues.length, sample).toBeGreaterThan(0);
      if (headings.includes(sample)) expect(preferredCue(sample), sample).toBeDefined();
    }
    expect(new Set(SECTION_CUE_WORDS).size).toBe(SECTION_CUE_WORDS.length);
  });
});
