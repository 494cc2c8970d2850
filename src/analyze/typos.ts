import { editDistance } from '../util/similar.js';

/** A word of a text that nearly spells one of the candidate aliases. */
export interface Typo {
  word: string;
  offset: number;
  /** The key of the candidate it nearly spells (a skill id). */
  key: string;
}

/**
 * Words in `text` that nearly spell a candidate alias ("Postgress", "Javascipt", "Kubernates"):
 * words of 5+ letters, at most 1 edit away (Damerau-Levenshtein, via natural) when shorter than 8
 * letters, at most 2 otherwise; never a word in `known` (aliases that already match something) or
 * in the stop list of ordinary words that sit one edit from a skill ("scale" ~ Scala, "closure" ~
 * Clojure, "sprint" ~ Spring). Each word is reported once, for its closest candidate.
 */
export function findTypos(text: string, candidates: ReadonlyMap<string, readonly string[]>, known: ReadonlySet<string>): Typo[] {
  const aliases: [string, string][] = [];
  for (const [key, list] of candidates) for (const a of list) if (a.length >= 5 && !a.includes(' ')) aliases.push([a.toLowerCase(), key]);
  if (aliases.length === 0) return [];
  const typos: Typo[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{N}+#]*(?:[.-][\p{L}\p{N}+#]+)*/gu)) {
    const word = m[0];
    const lower = word.toLowerCase();
    if (word.length < 5 || known.has(lower) || STOP.has(lower) || seen.has(lower)) continue;
    let best: [string, number] | undefined;
    for (const [alias, key] of aliases) {
      if (Math.abs(alias.length - lower.length) > 2) continue;
      const limit = Math.max(alias.length, lower.length) < 8 ? 1 : 2;
      const d = editDistance(lower, alias);
      if (d > 0 && d <= limit && (!best || d < best[1])) best = [key, d];
    }
    if (best) {
      seen.add(lower);
      typos.push({ word, offset: m.index, key: best[0] });
    }
  }
  return typos;
}

// Ordinary words (and their plurals) one or two edits from a skill alias of 5+ letters.
const STOP = new Set(
  `scale scales scaled sprint sprints string strings sprung closure closures grade grades trails raise raised
  reach ready reacts enact exact flash flask flank flasks flame spare spark sparks spade shift swift swims units
  unity union links linen linus piper pipes puppy looked looser loose hooker pocket socket racket locket rocket
  maven raven haven ravens havens fault vaults faults counsel consul consuls amber ember timber docket dockets
  locker lockers rasper preston flint blink fling flings fiber fibre fibres fibers float floats goals coals
  storm store stores stormy stoic redid reedit reddit mails roles rules relay reply reels celery salary
  express expressed expert experts pascal rascal rascals basic basis basics chart charts chase chaser helms
  julie juliet julian fluster clutter flutter shell shells spell spells smell spelt sheet sheets plays player
  players angle angles angler angular sinatra hanami phoenix nexus nexts react reactive oracle oracles miracle
  cargo carbo cargos jests tests tester testing mocks mocked mocker mockito lambda lambdas redux reduce reduces
  dusk tusks tasks masks maskit ansible sensible possible kotlin kettle python pythons cobra cobras elastic
  plastic ionic iconic logic tonic sonic panda pandas numpy lumpy bumpy jumpy grunt grunts gulps gulp
  spock stock shock smock stack stacks snack snacks slack slacks black block blocks clock crash trash hashes
  hashed cache caches caching cached catch patch match latch batch watch nginx gin rubric ruby rubies
  heroku hero heroes helm helmet puppet muppet muppets chef chefs chief chiefs vault assets asset access
  accent scope score scores scored score crane cranes drone drones prism prisms spring springs stream streams
  scream dream dreams steam steams agile agility fragile struts strut strike strikes create creates quarks
  quark power powers tower towers lower mower boxer docker dockers bakery baker alpine spine supine
  remix remind mixer tailor taylor travis trivia circle circles cycle cycles jenkin jenkins perkins
  kafka kafkaesque kanban cabana banana scrum scrub scrubs sprint`
    .split(/\s+/)
    .filter(Boolean),
);
