import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { TaxonomyError } from '../model/errors.js';
import { CUE_KINDS, type AmbiguousAlias, type Category, type ContextCues, type LevelCue, type Skill, type TaxonomyLayer } from '../model/taxonomy.js';
import { cuePhraseProblem } from './cues.js';
import { YamlReader, type Located } from './yamlReader.js';

export { where } from './where.js';

export const MANIFEST_FIELDS = ['name', 'version', 'include', 'cues', 'categories', 'context', 'skills'] as const;
export const CATEGORY_FIELDS = ['id', 'label', 'weight', 'target'] as const;
export const CONTEXT_FIELDS = ['before', 'after', 'window'] as const;
export const SKILL_FIELDS = ['id', 'name', 'category', 'aliases', 'implies', 'ambiguous', 'examples', 'stem', 'nested'] as const;
export const AMBIGUOUS_FIELDS = ['alias', 'case', 'needs', 'before', 'after', 'unless'] as const;
export const EXAMPLE_FIELDS = ['match', 'nomatch'] as const;
const SKILL_FILE_FIELDS = ['skills'] as const;
const CUE_FILE_FIELDS = ['language', 'cues'] as const;
export const CUE_FIELDS = ['kind', 'ends-clause', 'phrases', 'examples'] as const;
export const CUE_EXAMPLE_FIELDS = ['preferred', 'required', 'excluded'] as const;

/** Reads a file's text; injectable so the loader can be driven without a disk. */
export type ReadText = (path: string) => string;

const readUtf8: ReadText = (path) => readFileSync(path, 'utf8');

/**
 * Loads one taxonomy file (a manifest, possibly including skill files) into a layer.
 * Throws a TaxonomyError listing every problem as `file:line:col: reason`.
 */
export function loadTaxonomyLayer(path: string, read: ReadText = readUtf8): TaxonomyLayer {
  const problems: string[] = [];
  const layer = readManifest(path, read, problems);
  if (problems.length > 0) throw new TaxonomyError(problems);
  return layer;
}

/** Parses taxonomy text that did not come from a file (tests, library users). */
export function parseTaxonomyLayer(source: string, name = '<taxonomy>'): TaxonomyLayer {
  return loadTaxonomyLayer(name, (p) => {
    if (p === name) return source;
    throw new Error(`cannot include "${p}" from an in-memory taxonomy`);
  });
}

function readFile(path: string, read: ReadText, problems: string[]): YamlReader | undefined {
  let source: string;
  try {
    source = read(path);
  } catch (error) {
    problems.push(`${path}:1:1: cannot read taxonomy file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return undefined;
  }
  const reader = new YamlReader(path, source);
  if (reader.root.node === null && reader.problems.length === 0) reader.fail(reader.root, 'the file is empty');
  return reader;
}

function readManifest(path: string, read: ReadText, problems: string[]): TaxonomyLayer {
  const layer: TaxonomyLayer = { categories: [], cues: [], skills: [], files: [path] };
  const y = readFile(path, read, problems);
  if (!y) return layer;
  const fields = y.root.node === null ? undefined : y.map(y.root, 'the taxonomy', MANIFEST_FIELDS);
  if (fields) {
    const name = y.optionalString(fields.get('name'), 'name', y.root.pos);
    const version = y.optionalString(fields.get('version'), 'version', y.root.pos);
    if (name !== undefined) layer.name = name;
    if (version !== undefined) layer.version = version;
    layer.categories = y.list(fields.get('categories'), 'categories').flatMap((c) => readCategory(y, c) ?? []);
    const context = fields.get('context');
    if (context && context.node !== null) layer.context = readContext(y, context);
    layer.skills = readSkills(y, fields.get('skills'));
    for (const include of y.strings(fields.get('include'), 'include').values) {
      const file = resolve(dirname(path), include);
      layer.files.push(file);
      layer.skills.push(...readSkillFile(file, read, problems));
    }
    for (const include of y.strings(fields.get('cues'), 'cues').values) {
      const file = resolve(dirname(path), include);
      layer.files.push(file);
      layer.cues.push(...readCueFile(file, read, problems));
    }
  }
  problems.unshift(...y.problems);
  return layer;
}

function readSkillFile(path: string, read: ReadText, problems: string[]): Skill[] {
  const y = readFile(path, read, problems);
  if (!y) return [];
  const fields = y.root.node === null ? undefined : y.map(y.root, 'a skill file', SKILL_FILE_FIELDS);
  const skills = fields ? readSkills(y, fields.get('skills')) : [];
  problems.push(...y.problems);
  return skills;
}

/** A cue file (taxonomy/cues/LANG.yaml): its language and its cues. */
function readCueFile(path: string, read: ReadText, problems: string[]): LevelCue[] {
  const y = readFile(path, read, problems);
  if (!y) return [];
  const fields = y.root.node === null ? undefined : y.map(y.root, 'a cue file', CUE_FILE_FIELDS);
  const language = (fields && y.string(fields.get('language'), 'language', y.root.pos)) ?? '?';
  const cues = fields ? y.list(fields.get('cues'), 'cues').flatMap((c) => readCue(y, c, language) ?? []) : [];
  problems.push(...y.problems);
  return cues;
}

function readCue(y: YamlReader, at: Located, language: string): LevelCue | undefined {
  const f = y.map(at, 'a cue', CUE_FIELDS);
  if (!f) return undefined;
  const kind = y.oneOf(f.get('kind'), 'kind', CUE_KINDS);
  const phrases = y.strings(f.get('phrases'), 'phrases');
  if (kind === undefined) {
    if (!f.has('kind')) y.fail(at, `a cue needs a kind (${CUE_KINDS.join(', ')})`);
    return undefined;
  }
  const cue: LevelCue = {
    kind,
    language,
    phrases: phrases.values,
    examples: { preferred: [], required: [], excluded: [] },
    at: at.pos,
    phraseAt: phrases.positions,
  };
  phrases.values.forEach((text, k) => {
    const problem = cuePhraseProblem(text, kind);
    if (problem) y.fail(phrases.positions[k] ?? at.pos, problem);
  });
  if (y.boolean(f.get('ends-clause'), 'ends-clause')) cue.endsClause = true;
  const examplesAt = f.get('examples');
  if (examplesAt && examplesAt.node !== null) {
    const e = y.map(examplesAt, 'examples', CUE_EXAMPLE_FIELDS);
    if (e)
      cue.examples = {
        preferred: y.strings(e.get('preferred'), 'examples.preferred').values,
        required: y.strings(e.get('required'), 'examples.required').values,
        excluded: y.strings(e.get('excluded'), 'examples.excluded').values,
      };
  }
  return cue;
}

function readCategory(y: YamlReader, at: Located): Category | undefined {
  const f = y.map(at, 'a category', CATEGORY_FIELDS);
  if (!f) return undefined;
  const id = y.string(f.get('id'), 'category id', at.pos);
  const label = y.optionalString(f.get('label'), 'category label', at.pos);
  const weight = y.number(f.get('weight'), 'category weight', 0, 100) ?? 1;
  const target = y.number(f.get('target'), 'category target', 1, 1000) ?? 1;
  if (id === undefined) return undefined;
  return { id, label: label ?? id, weight, target, at: at.pos };
}

function readContext(y: YamlReader, at: Located): Partial<ContextCues> {
  const f = y.map(at, 'context', CONTEXT_FIELDS);
  if (!f) return {};
  const context: Partial<ContextCues> = {};
  if (f.has('before')) context.before = y.strings(f.get('before'), 'context.before').values;
  if (f.has('after')) context.after = y.strings(f.get('after'), 'context.after').values;
  const window = y.number(f.get('window'), 'context.window', 1, 50);
  if (window !== undefined) context.window = window;
  return context;
}

function readSkills(y: YamlReader, at: Located | undefined): Skill[] {
  return y.list(at, 'skills').flatMap((s) => readSkill(y, s) ?? []);
}

function readSkill(y: YamlReader, at: Located): Skill | undefined {
  const f = y.map(at, 'a skill', SKILL_FIELDS);
  if (!f) return undefined;
  const id = y.string(f.get('id'), 'skill id', at.pos);
  const name = y.string(f.get('name'), `name of skill "${id ?? '?'}"`, at.pos);
  const category = y.string(f.get('category'), `category of skill "${id ?? '?'}"`, at.pos);
  const aliases = y.strings(f.get('aliases'), 'aliases');
  const implies = y.strings(f.get('implies'), 'implies');
  const ambiguous = y.list(f.get('ambiguous'), 'ambiguous').flatMap((a) => readAmbiguous(y, a) ?? []);
  const examplesAt = f.get('examples');
  const stem = y.boolean(f.get('stem'), 'stem') ?? false;
  const nested = y.boolean(f.get('nested'), 'nested') ?? false;
  if (id === undefined || name === undefined || category === undefined) return undefined;
  const skill: Skill = {
    id,
    name,
    category,
    aliases: aliases.values,
    implies: implies.values,
    ambiguous,
    stem,
    nested,
    at: at.pos,
    aliasAt: aliases.positions,
    impliesAt: implies.positions,
  };
  if (examplesAt && examplesAt.node !== null) {
    const e = y.map(examplesAt, 'examples', EXAMPLE_FIELDS);
    if (e) skill.examples = { match: y.strings(e.get('match'), 'examples.match').values, nomatch: y.strings(e.get('nomatch'), 'examples.nomatch').values };
  }
  return skill;
}

function readAmbiguous(y: YamlReader, at: Located): AmbiguousAlias | undefined {
  const f = y.map(at, 'an ambiguous alias', AMBIGUOUS_FIELDS);
  if (!f) return undefined;
  const alias = y.string(f.get('alias'), 'alias', at.pos);
  if (alias === undefined) return undefined;
  return {
    alias,
    case: y.oneOf(f.get('case'), 'case', ['any', 'exact'] as const) ?? 'any',
    needs: y.oneOf(f.get('needs'), 'needs', ['context', 'none'] as const) ?? 'context',
    before: y.strings(f.get('before'), 'before').values,
    after: y.strings(f.get('after'), 'after').values,
    unless: y.strings(f.get('unless'), 'unless').values,
    at: at.pos,
  };
}
