import type * as Yaml from 'yaml';
import type { Node, Pair } from 'yaml';
import { lazyRequire } from '../util/lazyRequire.js';
import { closest } from '../util/similar.js';
import type { SourcePos } from '../model/taxonomy.js';

const yaml = lazyRequire<typeof Yaml>('yaml');
const isAlias = (n: unknown) => yaml().isAlias(n);
const isMap = (n: unknown): n is Yaml.YAMLMap => yaml().isMap(n);
const isScalar = (n: unknown): n is Yaml.Scalar => yaml().isScalar(n);
const isSeq = (n: unknown): n is Yaml.YAMLSeq => yaml().isSeq(n);

/** A YAML value with the position it came from. */
export interface Located {
  node: Node | null;
  pos: SourcePos;
}

/**
 * Reads one YAML file into plain values while collecting `file:line:col: reason` problems, so that a
 * taxonomy author sees every mistake of a file at once, each pointing at its place.
 */
export class YamlReader {
  readonly problems: string[] = [];
  readonly root: Located;
  private readonly lines = new (yaml().LineCounter)();

  constructor(
    readonly file: string,
    source: string,
  ) {
    const doc = yaml().parseDocument(source, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const error of doc.errors) {
      const at = this.posAt(error.pos[0]);
      this.problems.push(`${this.where(at)}: ${firstLine(error.message)}`);
    }
    const contents = doc.errors.length > 0 ? null : (doc.contents as Node | null);
    this.root = { node: contents, pos: this.posAt(0) };
  }

  where(pos: SourcePos): string {
    return `${pos.file}:${pos.line}:${pos.col}`;
  }

  fail(at: Located | SourcePos, message: string): void {
    const pos = 'pos' in at ? at.pos : at;
    this.problems.push(`${this.where(pos)}: ${message}`);
  }

  private posAt(offset: number): SourcePos {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  private locate(node: Node | null | undefined, fallback: SourcePos): Located {
    if (!node) return { node: null, pos: fallback };
    const offset = node.range?.[0];
    return { node, pos: offset === undefined ? fallback : this.posAt(offset) };
  }

  /** The entries of a mapping, reporting keys outside `allowed` (with a "did you mean"). */
  map(at: Located, what: string, allowed: readonly string[]): Map<string, Located> | undefined {
    if (this.isAliasNode(at)) return undefined;
    if (!isMap(at.node)) {
      this.fail(at, `${what} must be a mapping (key: value lines)`);
      return undefined;
    }
    const entries = new Map<string, Located>();
    for (const pair of at.node.items as Pair<Node, Node>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyAt = this.locate(pair.key, at.pos);
      if (!allowed.includes(key)) {
        const guess = closest(key, allowed);
        this.fail(keyAt, `unknown field "${key}" in ${what}${guess ? ` (did you mean "${guess}"?)` : ''}; allowed: ${allowed.join(', ')}`);
        continue;
      }
      entries.set(key, this.locate(pair.value, keyAt.pos));
    }
    return entries;
  }

  /** The items of a sequence (an absent value reads as an empty list). */
  list(at: Located | undefined, what: string): Located[] {
    if (!at || at.node === null) return [];
    if (this.isAliasNode(at)) return [];
    if (!isSeq(at.node)) {
      this.fail(at, `${what} must be a list`);
      return [];
    }
    return at.node.items.map((item) => this.locate(item as Node, at.pos));
  }

  string(at: Located | undefined, what: string, parent: SourcePos): string | undefined {
    if (!at || at.node === null) {
      this.fail(at ?? parent, `${what} is required`);
      return undefined;
    }
    if (this.isAliasNode(at)) return undefined;
    if (!isScalar(at.node) || typeof at.node.value === 'object' || typeof at.node.value === 'boolean') {
      this.fail(at, `${what} must be text`);
      return undefined;
    }
    const value = String(at.node.value).trim();
    if (value === '') {
      this.fail(at, `${what} must not be empty`);
      return undefined;
    }
    return value;
  }

  optionalString(at: Located | undefined, what: string, parent: SourcePos): string | undefined {
    return at && at.node !== null ? this.string(at, what, parent) : undefined;
  }

  strings(at: Located | undefined, what: string): { values: string[]; positions: SourcePos[] } {
    const values: string[] = [];
    const positions: SourcePos[] = [];
    for (const item of this.list(at, what)) {
      const value = this.string(item, `an entry of ${what}`, item.pos);
      if (value !== undefined) {
        values.push(value);
        positions.push(item.pos);
      }
    }
    return { values, positions };
  }

  number(at: Located | undefined, what: string, min: number, max: number): number | undefined {
    if (!at || at.node === null) return undefined;
    if (this.isAliasNode(at)) return undefined;
    const value = isScalar(at.node) ? at.node.value : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      this.fail(at, `${what} must be a number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  boolean(at: Located | undefined, what: string): boolean | undefined {
    if (!at || at.node === null) return undefined;
    if (this.isAliasNode(at)) return undefined;
    const value = isScalar(at.node) ? at.node.value : undefined;
    if (typeof value !== 'boolean') {
      this.fail(at, `${what} must be true or false`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(at: Located | undefined, what: string, choices: readonly T[]): T | undefined {
    if (!at || at.node === null) return undefined;
    const value = this.string(at, what, at.pos);
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) {
      this.fail(at, `${what} must be one of ${choices.join(', ')} (got "${value}")`);
      return undefined;
    }
    return value as T;
  }

  /**
   * YAML anchors/aliases have no use in a taxonomy and are how "billion laughs" bombs are built, so
   * they are refused outright: memory stays bounded whatever the file holds.
   */
  private isAliasNode(at: Located): boolean {
    if (!isAlias(at.node)) return false;
    this.fail(at, 'YAML aliases (*name) are not allowed in a taxonomy; write the value out');
    return true;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
