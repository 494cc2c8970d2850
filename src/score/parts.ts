import type { CompiledTaxonomy } from '../model/compiled.js';
import type { DocumentTally } from './aggregate.js';
import { aggregateFromRaw } from './report.js';
import type { Aggregate } from './aggregate.js';
import type { RawCounts } from '../model/report.js';
import type { InputFailure, Level } from '../model/result.js';

/**
 * Reading back what `report -f json` and `scan -f jsonl` wrote, so that parts of a corpus counted
 * anywhere (other processes, other machines) add up to the report of the whole.
 */

/** A report JSON of a part: its counts and errors, or why it cannot be merged. */
export function parseReportPart(value: unknown, taxonomy: CompiledTaxonomy): { aggregate: Aggregate; errors: InputFailure[] } | string {
  if (typeof value !== 'object' || value === null) return 'not a report (expected a JSON object from `skillscan report -f json`)';
  const part = value as {
    schemaVersion?: unknown;
    taxonomy?: { name?: unknown; version?: unknown };
    documents?: unknown;
    raw?: RawCounts;
    errors?: InputFailure[];
  };
  if (part.schemaVersion !== 1 || typeof part.documents !== 'number' || typeof part.raw !== 'object' || part.raw === null) {
    return 'not a report with raw counts (expected the JSON of `skillscan report -f json`, schemaVersion 1)';
  }
  if (part.taxonomy?.name !== taxonomy.name || part.taxonomy?.version !== taxonomy.version) {
    return `made with taxonomy ${String(part.taxonomy?.name)} ${String(part.taxonomy?.version)}, not ${taxonomy.name} ${taxonomy.version}`;
  }
  try {
    return { aggregate: aggregateFromRaw(part.raw, part.documents, taxonomy), errors: Array.isArray(part.errors) ? part.errors : [] };
  } catch (error) {
    return (error as Error).message;
  }
}

interface ScanLineSkill {
  id?: unknown;
  count?: unknown;
  implied?: unknown;
  level?: unknown;
}

/** One line of `scan -f jsonl` as a tally, or why it is not one. */
export function parseScanLine(line: string, taxonomy: CompiledTaxonomy, index: ReadonlyMap<string, number>): DocumentTally | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `invalid JSON (${(error as Error).message.split('\n')[0]})`;
  }
  const doc = value as { score?: unknown; skills?: unknown };
  if (typeof doc !== 'object' || doc === null || typeof doc.score !== 'number' || !Array.isArray(doc.skills))
    return 'not a scan result (expected a line of `skillscan scan -f jsonl`)';
  const named: { s: number; count: number; level: Level | undefined }[] = [];
  const implied: number[] = [];
  for (const skill of doc.skills as ScanLineSkill[]) {
    const s = typeof skill?.id === 'string' ? index.get(skill.id) : undefined;
    if (s === undefined) return `skill ${JSON.stringify(skill?.id)} is not in the taxonomy ${taxonomy.name} ${taxonomy.version}`;
    if (skill.implied === true) implied.push(s);
    else
      named.push({
        s,
        count: typeof skill.count === 'number' ? skill.count : 1,
        level: skill.level === 'required' || skill.level === 'preferred' ? skill.level : undefined,
      });
  }
  named.sort((a, b) => a.s - b.s);
  return {
    named: named.map((n) => n.s),
    mentions: named.map((n) => n.count),
    levels: named.map((n) => n.level),
    implied: implied.sort((a, b) => a - b),
    score: doc.score,
  };
}
