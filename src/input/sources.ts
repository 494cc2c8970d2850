import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';

/** One thing to scan: a file (by the path the user gave or found under a directory) or stdin. */
export type Source = { kind: 'file'; path: string; display: string } | { kind: 'stdin'; display: '-' };

export interface ResolvedInputs {
  sources: Source[];
  /** Inputs that name nothing readable; reported per input and counted as failures. */
  failures: { source: string; message: string }[];
}

/** Extensions scanned when walking a directory; files named on the command line are read whatever their name. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.mdown', '.rst', '.adoc', '.html', '.htm', '.xhtml', '.pdf', '.docx']);
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * Turns the command's inputs into sources, in the order given: `-` is stdin; an existing file is
 * itself; a directory is walked for text-like files (sorted, symlink loops skipped); anything else
 * with glob characters is expanded with fast-glob (loaded only then). An input that matches nothing
 * is a failure of its own, so the other inputs are still scanned.
 */
export async function resolveInputs(inputs: string[], cwd: string): Promise<ResolvedInputs> {
  const sources: Source[] = [];
  const failures: ResolvedInputs['failures'] = [];
  const seen = new Set<string>();
  const addFile = (path: string, display: string): void => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    sources.push({ kind: 'file', path: key, display });
  };
  for (const input of inputs) {
    if (input === '-') {
      if (!sources.some((s) => s.kind === 'stdin')) sources.push({ kind: 'stdin', display: '-' });
      continue;
    }
    const { stats, error } = statOrError(resolve(cwd, input));
    if (stats?.isDirectory()) {
      const before = sources.length;
      walkDirectory(resolve(cwd, input), input, new Set(), addFile, failures);
      if (sources.length === before) failures.push({ source: input, message: `directory has no text files (${[...TEXT_EXTENSIONS].join(' ')})` });
    } else if (stats) {
      addFile(input, input);
    } else if (GLOB_CHARS.test(input)) {
      const { default: fg } = await import('fast-glob');
      const matches = (await fg(input, { cwd, onlyFiles: true, dot: false, followSymbolicLinks: false })).sort();
      if (matches.length === 0) failures.push({ source: input, message: 'no files match this pattern' });
      for (const m of matches) addFile(m, m);
    } else {
      failures.push({ source: input, message: describeFsError(error) }); // "no such file or directory", or a link loop, ...
    }
  }
  return { sources, failures };
}

function walkDirectory(
  dir: string,
  display: string,
  visited: Set<string>,
  addFile: (path: string, display: string) => void,
  failures: ResolvedInputs['failures'],
): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    failures.push({ source: display, message: describeFsError(error) });
    return;
  }
  if (visited.has(real)) return; // a symlink loop: this directory is already being walked
  visited.add(real);
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (error) {
    failures.push({ source: display, message: describeFsError(error) });
    return;
  }
  for (const name of entries) {
    if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue;
    const path = join(dir, name);
    const shown = join(display, name);
    const link = lstatOrUndefined(path);
    const stats = link?.isSymbolicLink() ? statOrUndefined(path) : link;
    if (!stats) continue; // a dangling link
    if (stats.isDirectory()) walkDirectory(path, shown, visited, addFile, failures);
    else if (stats.isFile() && TEXT_EXTENSIONS.has(extname(name).toLowerCase())) addFile(path, shown);
  }
}

function statOrError(path: string): { stats?: Stats; error?: unknown } {
  try {
    return { stats: statSync(path) };
  } catch (error) {
    return { error };
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** A file-system error as the short reason a user reads: "permission denied", not "EACCES: ...". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or directory';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EMFILE':
      return 'too many open files';
    default:
      return (error as Error).message ?? String(error);
  }
}

export function assertInputs(inputs: string[], stdinIsTTY: boolean): void {
  if (inputs.length === 0 && stdinIsTTY) {
    throw new UsageError('no inputs: give files, directories or globs, or pipe text to stdin', "try 'skillscan scan job.txt' or 'pbpaste | skillscan scan'");
  }
}
