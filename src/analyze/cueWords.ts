import { normalizeToken } from '../match/chars.js';

/**
 * Words of which every "nice to have" cue in sections.ts holds at least one, as the tokenizer sees
 * them (lower case, whole tokens). The tokenizer marks where they occur (the lexicon flags them), and
 * findLevelRanges then reads only the lines that hold one (or end in ":"), instead of running its
 * regexes over every line: about 8% of the shared corpus's lines hold one.
 *
 * Keep it a superset of the cue regexes' words when adding cues: tests/sections-prefilter.test.ts
 * checks that skipping lines without these words changes no result.
 */
export const SECTION_CUE_WORDS: readonly string[] = [
  // English
  'nice', 'good', 'great', 'awesome', 'ideal', 'plus', 'pluses', 'plusses', 'bonus', 'points', 'preferred', 'preferably',
  'desired', 'desirable', 'additional', 'optional', 'stand', 'better', 'ideally', 'love', 'advantage', 'advantages',
  'advantageous', 'asset', 'assets', 'extra', 'extras', 'helpful', 'welcome', 'beneficial', 'appreciated',
  'required', 'mandatory', 'must',
  // German
  'wünschenswert', 'vorteil', 'pluspunkt', 'pluspunkte', 'idealerweise', 'vorzugsweise', 'wäre', 'muss', 'gern', 'willkommen',
  // French
  'atout', 'atouts', 'souhaité', 'souhaitée', 'souhaités', 'souhaitées', 'apprécié', 'appréciée', 'appréciés', 'appréciées',
  'idéalement', 'bienvenu', 'bienvenue', 'bienvenus', 'bienvenues', 'préférence',
  // Spanish
  'deseable', 'deseables', 'deseados', 'valorable', 'valorables', 'valora', 'valorara', 'valorará', 'valoraran', 'valorarán',
  'puntos', 'idealmente', 'preferentemente', 'preferiblemente', 'bienvenido', 'bienvenidos',
].map(normalizeToken);

/**
 * The cue words that inline cues ("Go is a plus", "ideally Terraform") hold: every alternative of
 * POSTFIX_CUE and PREFIX_CUE in sections.ts holds one of these (the others, "great", "required",
 * "love", only start headings and labels). A line whose cue words are all others is not searched
 * for inline cues: "required", "great", "good", "additional", "must" and "love" are 44% of the cue
 * words in the shared corpus.
 */
export const INLINE_CUE_WORDS: readonly string[] = [
  'plus', 'bonus', 'advantage', 'asset', 'welcome', 'nice', 'desirable', 'preferred', 'beneficial', 'appreciated', 'optional',
  'points', 'better', 'ideally', 'preferably',
  'vorteil', 'wünschenswert', 'pluspunkt', 'gern', 'willkommen', 'idealerweise', 'vorzugsweise',
  'atout', 'apprécié', 'appréciée', 'appréciés', 'appréciées', 'souhaité', 'souhaitée', 'souhaités', 'souhaitées', 'bienvenu', 'bienvenue', 'bienvenus',
  'bienvenues', 'préférence', 'idéalement',
  'deseable', 'deseables', 'valorable', 'valorables', 'bienvenido', 'bienvenidos', 'puntos', 'idealmente', 'preferentemente', 'preferiblemente',
  'valora', 'valorara', 'valorará', 'valoraran', 'valorarán',
].map(normalizeToken);

/** Cue words that are inline cues only after "not " ("is not required", "not a must"): the text before them, in lower case. */
export const NEGATED_CUE_WORDS: ReadonlyMap<string, string> = new Map([
  ['required', 'not '],
  ['mandatory', 'not '],
  ['must', 'not a '],
]);
