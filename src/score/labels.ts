import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../model/errors.js';
import type { LabelledDocument } from '../model/eval.js';
import type { DocumentResult } from '../model/result.js';

/** Document name -> labelled skill ids. */
export type Labels = Map<string, string[]>;

/**
 * Parses a labels file: a JSON object of document name -> skill ids, each value either `["id", ...]`
 * or `{ "skills": ["id", ...], ... }` (other keys, such as `preferred`, are left alone).
 */
export function parseLabels(text: string, file: string): Labels {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`${file}: labels must be a JSON object of document name -> skill ids`, 'e.g. { "ad.md": ["python", "django"] }');
  }
  const labels: Labels = new Map();
  for (const [name, value] of Object.entries(data)) {
    const skills = Array.isArray(value) ? value : (value as { skills?: unknown } | null)?.skills;
    if (!Array.isArray(skills) || !skills.every((s) => typeof s === 'string')) {
      throw new InputError(`${file}: labels of "${name}" must be a list of skill ids, or an object with "skills": [ids]`);
    }
    labels.set(name, [...new Set(skills as string[])]);
  }
  return labels;
}

export interface PairedLabels {
  docs: LabelledDocument[];
  /** Scanned documents no label names. */
  unlabelled: string[];
  /** Labelled names no scanned document matched. */
  missing: string[];
}

/**
 * Pairs scanned documents with their labels: a document is named by its path relative to the labels
 * file's folder, or by its basename. Found skills are explicit mentions only (never implied ones).
 */
export function pairLabels(documents: readonly DocumentResult[], labels: Labels, labelsFile: string, cwd: string): PairedLabels {
  const folder = dirname(resolve(cwd, labelsFile));
  const used = new Set<string>();
  const docs: LabelledDocument[] = [];
  const unlabelled: string[] = [];
  for (const doc of documents) {
    const key = labelKey(doc.source, labels, folder, cwd);
    if (key === undefined) {
      unlabelled.push(doc.source);
      continue;
    }
    used.add(key);
    docs.push({ source: doc.source, expected: labels.get(key)!, found: doc.skills.filter((s) => !s.implied).map((s) => s.id) });
  }
  return { docs, unlabelled, missing: [...labels.keys()].filter((k) => !used.has(k)) };
}

function labelKey(source: string, labels: Labels, folder: string, cwd: string): string | undefined {
  if (source === '-') return labels.has('-') ? '-' : undefined;
  const path = relative(folder, resolve(cwd, source)).split(sep).join('/');
  if (!isAbsolute(path) && labels.has(path)) return path;
  const name = basename(source);
  return labels.has(name) ? name : undefined;
}
