import { createReadStream } from 'node:fs';
import { lineChunks, maybeGunzip } from '../src/input/jsonl.ts';
import { ReportCore } from '../src/parallel/core.ts';
import { builtinCompiled } from '../src/taxonomy/builtin.ts';
const core = new ReportCore(builtinCompiled());
const t0 = performance.now();
let seq = 0, busy = 0;
for await (const chunk of lineChunks(maybeGunzip(createReadStream('/tmp/small.jsonl.gz')))) {
  const a = performance.now();
  await core.run({ kind: 'lines', seq: seq++, chunk });
  busy += performance.now() - a;
}
console.log({ total: performance.now() - t0, busy, rss: process.memoryUsage().rss / 1e6 });
