import type * as Yaml from 'yaml';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SkillscanError } from '../model/errors.js';
import { parseSize } from '../input/read.js';
import { lazyRequire } from '../util/lazyRequire.js';
import { closest } from '../util/similar.js';

// The same yaml the taxonomy loader uses, loaded from node_modules only when a YAML config exists.
const yaml = lazyRequire<typeof Yaml>('yaml');

/** Where skillscan looks for its configuration, in each folder from the working one up. */
export const CONFIG_NAMES = [
  'skillscan.config.yaml',
  'skillscan.config.yml',
  '.skillscanrc.yaml',
  '.skillscanrc.yml',
  '.skillscanrc.json',
  'package.json',
] as const;
export const CONFIG_KEYS = ['taxonomy', 'format', 'min-score', 'min-fit', 'max-size', 'ignore'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** A configured value and where it was written (`file:line:col`). */
export interface ConfigValue<T> {
  value: T;
  at: string;
}

export interface SkillscanConfig {
  /** The file the configuration came from (for package.json: its "skillscan" key). */
  file: string;
  taxonomy?: ConfigValue<string[]>;
  format?: ConfigValue<string>;
  'min-score'?: ConfigValue<number>;
  'min-fit'?: ConfigValue<number>;
  'max-size'?: ConfigValue<string>;
  ignore?: ConfigValue<string[]>;
}

/** A mistake in a configuration file; the message starts with `file:line:col`. */
export class ConfigError extends SkillscanError {}

/** The nearest configuration file from `cwd` up, if any (a package.json counts only with a "skillscan" key). */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name);
      if (!existsSync(path)) continue;
      if (name !== 'package.json' || hasSkillscanKey(path)) return path;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function hasSkillscanKey(path: string): boolean {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> | null;
    return typeof data === 'object' && data !== null && 'skillscan' in data;
  } catch {
    return false; // a broken package.json is npm's business, not a skillscan config
  }
}

/** One raw entry before checking: its key, value and position. */
interface RawEntry {
  key: string;
  value: unknown;
  at: string;
}

/**
 * Reads and checks a configuration file. YAML is parsed with the `yaml` package, imported only here
 * and only for a YAML file (it is slow to load, and most runs have no configuration).
 */
export async function loadConfig(path: string): Promise<SkillscanConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const entries = /\.ya?ml$/.test(path) ? await yamlEntries(path, text) : jsonEntries(path, text, basename(path) === 'package.json');
  return checkEntries(path, entries);
}

async function yamlEntries(path: string, text: string): Promise<RawEntry[]> {
  const { LineCounter, isMap, isScalar, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): string => {
    const { line, col } = lines.linePos(offset ?? 0);
    return `${path}:${line}:${col}`;
  };
  const [error] = doc.errors;
  if (error) throw new ConfigError(`${at(error.pos[0])}: ${error.message.split('\n')[0]}`);
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) throw new ConfigError(`${at(doc.contents.range?.[0])}: the configuration must be a mapping (key: value lines)`);
  return doc.contents.items.map((pair) => {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    const value = pair.value as { range?: [number, number, number]; toJSON?: () => unknown } | null;
    return {
      key: String(isScalar(key) ? key.value : key),
      value: value && typeof value.toJSON === 'function' ? value.toJSON() : isScalar(value) ? value.value : value,
      at: at(key?.range?.[0]),
    };
  });
}

function jsonEntries(path: string, text: string, packageJson: boolean): RawEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}:1:1: not valid JSON (${(error as Error).message})`);
  }
  const where = packageJson ? `${path} ("skillscan")` : path;
  const config = packageJson ? (data as Record<string, unknown>).skillscan : data;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(`${where}: the configuration must be an object`);
  // JSON.parse keeps no positions: find each key's text, after the "skillscan" key in a package.json.
  const from = packageJson ? Math.max(0, text.indexOf('"skillscan"')) : 0;
  return Object.entries(config).map(([key, value]) => ({ key, value, at: `${path}:${position(text, text.indexOf(JSON.stringify(key), from + 1))}` }));
}

function position(text: string, offset: number): string {
  if (offset < 0) return '1:1';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

function checkEntries(file: string, entries: RawEntry[]): SkillscanConfig {
  const config: SkillscanConfig = { file };
  const dir = dirname(file);
  const fail = (e: RawEntry, message: string): never => {
    throw new ConfigError(`${e.at}: ${message}`);
  };
  const strings = (e: RawEntry): string[] => {
    const list = typeof e.value === 'string' ? [e.value] : e.value;
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string' && s.trim() !== '')) return fail(e, `"${e.key}" must be a list of text values`);
    return list as string[];
  };
  const percent = (e: RawEntry): number => {
    if (!Number.isInteger(e.value) || (e.value as number) < 0 || (e.value as number) > 100) return fail(e, `"${e.key}" must be a whole number from 0 to 100`);
    return e.value as number;
  };
  for (const e of entries) {
    if (!(CONFIG_KEYS as readonly string[]).includes(e.key)) {
      const guess = closest(e.key, CONFIG_KEYS);
      fail(e, `unknown key "${e.key}" in the skillscan configuration${guess ? ` (did you mean "${guess}"?)` : ''}; allowed: ${CONFIG_KEYS.join(', ')}`);
    }
    const key = e.key as ConfigKey;
    if (key === 'taxonomy') config.taxonomy = { value: strings(e).map((f) => resolve(dir, f)), at: e.at };
    else if (key === 'ignore') config.ignore = { value: strings(e), at: e.at };
    else if (key === 'format') config.format = { value: typeof e.value === 'string' ? e.value : fail(e, '"format" must be text'), at: e.at };
    else if (key === 'max-size') {
      const text = typeof e.value === 'number' ? String(e.value) : typeof e.value === 'string' ? e.value : '';
      if (parseSize(text) === undefined) fail(e, '"max-size" must be a size such as 10MB or 500KB');
      config['max-size'] = { value: text, at: e.at };
    } else config[key] = { value: percent(e), at: e.at };
  }
  return config;
}
