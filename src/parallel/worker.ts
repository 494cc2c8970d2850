/**
 * Worker entry for `report --jobs N` (bundled to dist/worker.cjs): loads the compiled taxonomy from
 * the path it is given (parsing JSON here is cheaper than cloning the object), then runs tasks and
 * answers each with its result; on "finish" it sends its counts.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledTaxonomyFile } from '../model/compiled.js';
import { ReportCore, type Task } from './core.js';

const { taxonomyPath, levels } = workerData as { taxonomyPath: string; levels: boolean };
const file = JSON.parse(readFileSync(taxonomyPath, 'utf8')) as CompiledTaxonomyFile;
const core = new ReportCore(file.taxonomy, levels, file.matchIndex);
const port = parentPort!;
// Tasks run one after another: a file task awaits its read, and results must not interleave.
let queue = Promise.resolve();
port.on('message', (message: Task | { kind: 'finish' }) => {
  queue = queue.then(async () => {
    if (message.kind === 'finish') {
      port.postMessage({ kind: 'counts', counts: core.aggregate.counts() });
      return;
    }
    try {
      const result = await core.run(message);
      // A 'texts' task's buffer goes back to be filled again (see TextPacker.take).
      port.postMessage({ kind: 'result', result }, result.spare ? [result.spare.buffer as ArrayBuffer] : []);
    } catch (error) {
      port.postMessage({
        kind: 'result',
        result: { seq: message.seq, documents: 0, lines: 0, errors: [{ message: `internal error: ${(error as Error).message}` }] },
      });
    }
  });
});
