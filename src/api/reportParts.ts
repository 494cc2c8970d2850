import { Aggregate, type AggregateCounts } from '../score/aggregate.js';
import { parseReportPart, parseScanLine } from '../score/parts.js';
import type { InputFailure } from '../model/result.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import { describeReadError, eachLine, sourceLineChunks } from '../input/jsonl.js';
import type { Progress } from '../model/progress.js';
import { readSource } from '../input/read.js';
import type { Source } from '../input/sources.js';

type Counted = { counts: AggregateCounts; errors: InputFailure[] };

/** `report --merge`: adds up JSON reports of parts; a file that is not one is an error of its own. */
export async function mergeReports(
  sources: Source[],
  taxonomy: CompiledTaxonomy,
  maxBytes: number,
  stdin?: AsyncIterable<Uint8Array | string>,
): Promise<Counted> {
  const total = new Aggregate(taxonomy);
  const errors: InputFailure[] = [];
  for (const source of sources) {
    const read = await readSource(source, { maxBytes, stdin });
    let part: ReturnType<typeof parseReportPart>;
    if (!read.ok) part = read.message;
    else {
      try {
        part = parseReportPart(JSON.parse(read.text), taxonomy);
      } catch (error) {
        part = `invalid JSON (${(error as Error).message.split('\n')[0]})`;
      }
    }
    if (typeof part === 'string') {
      errors.push({ source: source.display, message: part });
      continue;
    }
    total.merge(part.aggregate);
    errors.push(...part.errors);
  }
  return { counts: total.counts(), errors };
}

/** `report --from-scan`: adds up the lines of `scan -f jsonl` (streamed; .gz read directly). */
export async function fromScanLines(
  sources: Source[],
  taxonomy: CompiledTaxonomy,
  stdin: AsyncIterable<Uint8Array | string> | undefined,
  onProgress?: (p: Progress) => void,
): Promise<Counted> {
  const aggregate = new Aggregate(taxonomy);
  const errors: InputFailure[] = [];
  const index = new Map(taxonomy.skills.map((s, i) => [s.id, i]));
  const progress: Progress = { documents: 0, bytes: 0 };
  for (const source of sources) {
    let lineBase = 0;
    try {
      for await (const chunk of sourceLineChunks(source, { stdin, onRaw: (n) => void (progress.bytes += n) })) {
        lineBase += eachLine(chunk, (line, n) => {
          const tally = parseScanLine(line, taxonomy, index);
          if (typeof tally === 'string') errors.push({ source: `${source.display}:${lineBase + n}`, message: tally });
          else aggregate.add(tally);
        });
        progress.documents = aggregate.documents;
        onProgress?.(progress);
      }
    } catch (error) {
      errors.push({ source: source.display, message: describeReadError(error) });
    }
  }
  return { counts: aggregate.counts(), errors };
}
