/** A skill mention as alternatives.ts needs it: where it is, its skill, and its category. */
export interface Mention {
  start: number;
  end: number;
  skill: string;
  category: string;
}

/**
 * Groups of alternatives in an ad, as lists of mention indices: "Kafka or RabbitMQ", "AWS/GCP/Azure",
 * "Java, Kotlin or Scala", "Postgres, MySQL or similar", "one of Django, Flask". Pure: text and
 * mention offsets in. Members must be next to each other, separated only by a comma, a slash, "|",
 * or "or" (also "oder", "ou", "o"), and be in the same category: substitutes are of a kind, so
 * "C#/.NET" (a language and its framework) and "Kotlin or Grafana" are not alternatives. A list
 * joined by commas only is a group when "or similar/equivalent", "one of", "either", "any of", "such
 * as" or "e.g." marks it; "and" always ends a group.
 */
export function findAlternatives(text: string, mentions: readonly Mention[]): number[][] {
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  const groups: number[][] = [];
  let chain: number[] = [];
  let hasOr = false;
  const flush = (): void => {
    const skills = new Set(chain.map((i) => mentions[i]!.skill));
    if (skills.size >= 2) {
      const first = mentions[chain[0]!]!;
      const last = mentions[chain[chain.length - 1]!]!;
      const marked = hasOr || ALT_BEFORE.test(text.slice(Math.max(0, first.start - 25), first.start)) || ALT_AFTER.test(text.slice(last.end, last.end + 30));
      if (marked) groups.push([...chain]);
    }
    chain = [];
    hasOr = false;
  };
  for (const i of order) {
    const m = mentions[i]!;
    const prev = chain.length > 0 ? mentions[chain[chain.length - 1]!]! : undefined;
    if (prev && prev.skill === m.skill && m.start - prev.end <= 3) continue; // "Go (golang)"
    const gap = prev ? text.slice(prev.end, m.start).replace(VERSION, ' ') : '';
    if (prev && m.category === prev.category && (OR_GAP.test(gap) || COMMA_GAP.test(gap))) {
      if (OR_GAP.test(gap)) hasOr = true;
      chain.push(i);
      continue;
    }
    flush();
    chain = [i];
  }
  flush();
  return groups;
}

const VERSION = /\s\d+(?:\.\d+)*\+?(?=\s|,|\/|$)|\((?:[^()]{0,20})\)/g;
const OR_GAP = /^\s*,?\s*(?:\/|\||\bor\b|\boder\b|\bou\b|\bo\b)\s*$/iu;
const COMMA_GAP = /^\s*,\s*$/;
const ALT_BEFORE = /\b(?:one of|either|any of|such as|e\.g\.|like|eines? der|un de|uno de)\s*(?:the\s+)?(?:\w+\s+){0,2}$/iu;
const ALT_AFTER = /^\s*,?\s*(?:or|oder|ou|o)\s+(?:similar|equivalent|comparable|other|another|alike|ähnliche?s?|équivalent|similares?)\b/iu;
