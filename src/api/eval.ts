import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describeFsError } from '../input/sources.js';
import { InputError } from '../model/errors.js';
import type { EvalReport, Threshold } from '../model/eval.js';
import { checkThresholds, evaluate } from '../score/evaluate.js';
import { pairLabels, parseLabels } from '../score/labels.js';
import type { LoadedTaxonomy } from '../taxonomy/index.js';
import { defaultTaxonomy, scanFiles } from './scan.js';

export interface EvaluateFilesOptions {
  taxonomy?: LoadedTaxonomy;
  /** Folder relative inputs and the labels file are resolved against (default: the working directory). */
  cwd?: string;
  maxBytes?: number;
  stdin?: AsyncIterable<Uint8Array | string>;
  /** How many of the worst skills to list (default 10). */
  worst?: number;
  thresholds?: readonly Threshold[];
}

/**
 * `skillscan eval`: scans the inputs (default: the labels file's folder; unlabelled files in it are
 * listed, not evaluated), pairs them with the labels, and measures precision, recall and F1 of the
 * explicit mentions found, with each threshold checked. A labels file that cannot be read or parsed
 * throws an InputError; inputs that cannot be read are in `errors`.
 */
export async function evaluateFiles(labelsFile: string, inputs: readonly string[], options: EvaluateFilesOptions = {}): Promise<EvalReport> {
  const cwd = options.cwd ?? '.';
  const labels = parseLabels(readLabels(labelsFile, cwd), labelsFile);
  const loaded = options.taxonomy ?? defaultTaxonomy();
  const targets = inputs.length > 0 ? inputs : [relative(cwd, dirname(resolve(cwd, labelsFile))) || '.'];
  const scanned = await scanFiles(targets, {
    taxonomy: loaded,
    cwd,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
  });
  const paired = pairLabels(scanned.documents, labels, labelsFile, cwd);
  const result = evaluate(paired.docs, loaded.compiled, { worst: options.worst ?? 10 });
  const checks = checkThresholds(result, options.thresholds ?? []);
  return { ...result, unlabelled: paired.unlabelled, missing: paired.missing, errors: scanned.errors, checks };
}

function readLabels(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the labels (${describeFsError(error)})`);
  }
}
