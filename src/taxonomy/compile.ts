import { lazyRequire } from '../util/lazyRequire.js';
import { TaxonomyError } from '../model/errors.js';
import { WORD_IS_SKILL } from '../match/lexicon.js';
import { splitWords } from '../match/tokenize.js';
import { compileCues } from './cues.js';
import { where } from './load.js';
import type { CompiledPattern, CompiledRule, CompiledTaxonomy, UnlessPhrase } from '../model/compiled.js';
import type { Skill, Taxonomy } from '../model/taxonomy.js';
import { normalizeAlias, skillAliases } from './validate.js';

const cueWords = (cues: string[]): string[][] => cues.map((c) => splitWords(c).map((w) => w.text)).filter((c) => c.length > 0);

/** Compiles a validated taxonomy into matcher data. Throws on an `unless` phrase without its alias. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const problems: string[] = [];
  const words: string[] = [];
  const wordIds = new Map<string, number>();
  const wordId = (w: string): number => {
    let id = wordIds.get(w);
    if (id === undefined) {
      id = words.length;
      words.push(w);
      wordIds.set(w, id);
    }
    return id;
  };
  const skillIndex = new Map(taxonomy.skills.map((s, i) => [s.id, i]));
  const categoryIndex = new Map(taxonomy.categories.map((c, i) => [c.id, i]));
  const rules: CompiledRule[] = [];
  const byKey = new Map<string, CompiledPattern & { variant: boolean }>();

  const addPattern = (tokens: string[], skill: number, rule: number, variant: boolean): void => {
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    const existing = byKey.get(key);
    // An explicit alias beats a generated inflection; two explicit ones were rejected by validation.
    if (existing && !(existing.variant && !variant)) return;
    byKey.set(key, { words: tokens.map(wordId), skill, rule, variant });
  };

  taxonomy.skills.forEach((skill, s) => {
    const ruleOf = new Map<string, number>();
    for (const a of skill.ambiguous) {
      const unless: UnlessPhrase[] = [];
      for (const phrase of a.unless) {
        const prefix = phrase.endsWith('*');
        const lower = (prefix ? phrase.slice(0, -1) : phrase).toLowerCase().replace(/\s+/g, ' ');
        const offset = wordOffset(lower, a.alias.toLowerCase());
        if (offset < 0) problems.push(`${where(a.at ?? skill.at)}: unless phrase "${phrase}" must contain the alias "${a.alias}" as a whole word`);
        else unless.push({ phrase: lower, offset, prefix });
      }
      ruleOf.set(normalizeAlias(a.alias), rules.length);
      rules.push({ alias: a.alias, case: a.case, needs: a.needs, before: cueWords(a.before), after: cueWords(a.after), unless });
    }
    for (const { text, ambiguous } of skillAliases(skill)) {
      const tokens = splitWords(text).map((w) => w.text);
      const rule = ambiguous ? ruleOf.get(normalizeAlias(text))! : -1;
      addPattern(tokens, s, rule, false);
      if (skill.stem && !ambiguous) {
        for (const variant of inflections(tokens[tokens.length - 1] ?? '')) addPattern([...tokens.slice(0, -1), variant], s, rule, true);
      }
    }
  });
  const cues = compileCues(taxonomy.cues ?? []);
  problems.push(...cues.problems);
  if (problems.length > 0) throw new TaxonomyError(problems);

  const patterns = [...byKey.values()].map(({ words: w, skill, rule }) => ({ words: w, skill, rule }));
  const wordFlags = new Array<number>(words.length).fill(0);
  for (const p of patterns) if (p.words.length === 1 && p.rule < 0) wordFlags[p.words[0]!]! |= WORD_IS_SKILL;

  return {
    name: taxonomy.name,
    version: taxonomy.version,
    categories: taxonomy.categories.map(({ id, label, weight, target }) => ({ id, label, weight, target })),
    skills: taxonomy.skills.map((skill) => ({
      id: skill.id,
      name: skill.name,
      category: skill.category,
      categoryIndex: categoryIndex.get(skill.category) ?? 0,
      implies: impliedClosure(skill, taxonomy.skills, skillIndex),
      ...(skill.nested ? { nested: true as const } : {}),
    })),
    words,
    wordFlags,
    patterns,
    rules,
    context: { before: cueWords(taxonomy.context.before), after: cueWords(taxonomy.context.after), window: taxonomy.context.window },
    cues: cues.compiled,
  };
}

/** Where `word` stands in `phrase` as a whole word ("class c" -> 6, not the c of "class"), or -1. */
function wordOffset(phrase: string, word: string): number {
  const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let i = phrase.indexOf(word); i >= 0; i = phrase.indexOf(word, i + 1)) {
    if (!isWordChar(phrase[i - 1]) && !isWordChar(phrase[i + word.length])) return i;
  }
  return -1;
}

function impliedClosure(skill: Skill, skills: Skill[], index: Map<string, number>): number[] {
  const seen = new Set<number>();
  const stack = [...skill.implies];
  while (stack.length > 0) {
    const i = index.get(stack.pop()!);
    if (i === undefined || seen.has(i)) continue;
    seen.add(i);
    stack.push(...skills[i]!.implies);
  }
  return [...seen].sort((a, b) => a - b);
}

const porter = lazyRequire<{ stem(token: string): string }>('natural/lib/natural/stemmers/porter_stemmer.js');

// Suffixes that turn one form of a concept word into another; the Porter stemmer decides which
// of the generated forms really are the same word (cache, caches, cached, caching).
const STRIP = ['ations', 'ation', 'ions', 'ion', 'ings', 'ing', 'ers', 'er', 'ed', 'es', 's', 'e'];
const ADD = ['e', 's', 'es', 'ed', 'ing', 'er', 'ers', 'ion', 'ions', 'ation', 'ations'];

/** Inflections of a concept word that share its Porter stem; never a shorter derived word ("authentic"). */
export function inflections(word: string): string[] {
  if (!/^[a-z]{4,}$/.test(word)) return [];
  const stem = porter().stem(word);
  const out = new Set<string>();
  for (const strip of ['', ...STRIP]) {
    if (!word.endsWith(strip) || word.length - strip.length < 3) continue;
    const base = word.slice(0, word.length - strip.length);
    // The bare base is a form only when an inflection was stripped, not a derivation ("-ation").
    const adds = strip === '' || strip.startsWith('at') ? ADD : ['', ...ADD];
    for (const add of adds) {
      const form = base + add;
      if (form !== word && form.length >= 4 && porter().stem(form) === stem) out.add(form);
    }
  }
  return [...out].sort();
}
