import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Aggregate, type AggregateCounts } from '../score/aggregate.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import { ReportCore, type Task, type TaskResult } from './core.js';

/** Runs tasks and hands back each result, then the merged counts. */
export interface Executor {
  /** Resolves once the task is queued; waits while every worker is busy (back-pressure keeps memory flat). */
  submit(task: Task): Promise<void>;
  /** Waits for every task, then merges the counts of all workers. */
  finish(): Promise<AggregateCounts>;
}

/** Tasks queued per worker: one running, one waiting, so a worker never idles between messages. */
const MAX_IN_FLIGHT = 2;

/**
 * A worker's young generation, in MB. V8's default lets each isolate grow tens of MB of short-lived
 * strings before collecting; a much smaller one kept RSS lowest but scavenged so often that two
 * workers lost the time a second core gives; this size keeps both (see `npm run bench`: peak RSS).
 */
const YOUNG_MB = 6;

// Bundled, this module sits in dist/ beside worker.cjs; run from src/ (tests), the build's copy is used.
const WORKER_CANDIDATES = ['./worker.cjs', '../../dist/worker.cjs'].map((p) => new URL(p, import.meta.url));

/** The bundled worker entry, or undefined when there is no build (then work runs in this thread). */
export function workerFile(): URL | undefined {
  return WORKER_CANDIDATES.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)));
}

/**
 * `jobs` worker threads when a worker build exists and a taxonomy file to hand them; otherwise the
 * same work in this thread. Each worker loads the taxonomy itself from `taxonomyPath`.
 */
export function createExecutor(
  taxonomy: { taxonomy: CompiledTaxonomy; matchIndex?: string | undefined },
  taxonomyPath: string | undefined,
  jobs: number,
  levels: boolean,
  onResult: (result: TaskResult) => void,
): Executor {
  const file = workerFile();
  if (file && taxonomyPath) return new WorkerPool(file, { taxonomyPath, levels }, jobs, taxonomy.taxonomy, onResult);
  return new InThread(new ReportCore(taxonomy.taxonomy, levels, taxonomy.matchIndex), onResult);
}

/** Buffers that own their memory move to the worker instead of being copied (a chunk, files' bytes). */
function transferable(task: Task): ArrayBuffer[] {
  const views =
    task.kind === 'lines'
      ? [task.chunk]
      : task.kind === 'texts'
        ? [task.texts.bytes]
        : task.kind === 'files'
          ? task.files.flatMap((f) => ('bytes' in f ? [f.bytes] : []))
          : [];
  return views.filter((v) => v.byteOffset === 0 && v.byteLength === v.buffer.byteLength).map((v) => v.buffer as ArrayBuffer);
}

class InThread implements Executor {
  constructor(
    private readonly core: ReportCore,
    private readonly onResult: (result: TaskResult) => void,
  ) {}
  async submit(task: Task): Promise<void> {
    this.onResult(await this.core.run(task));
  }
  async finish(): Promise<AggregateCounts> {
    return this.core.aggregate.counts();
  }
}

/** What a worker starts with (see worker.ts). */
interface WorkerData {
  taxonomyPath: string;
  levels: boolean;
}

interface Slot {
  worker: Worker;
  inFlight: number;
  counts?: (counts: AggregateCounts) => void;
}

class WorkerPool implements Executor {
  private readonly slots: Slot[];
  private waiters: (() => void)[] = [];
  private failure: Error | undefined;

  constructor(
    file: URL,
    data: WorkerData,
    jobs: number,
    private readonly taxonomy: CompiledTaxonomy,
    private readonly onResult: (result: TaskResult) => void,
  ) {
    this.slots = Array.from({ length: jobs }, () => this.spawn(file, data));
  }

  private spawn(file: URL, workerData: WorkerData): Slot {
    const slot: Slot = { worker: new Worker(file, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } }), inFlight: 0 };
    slot.worker.on('message', (message: { kind: 'result'; result: TaskResult } | { kind: 'counts'; counts: AggregateCounts }) => {
      if (message.kind === 'counts') {
        slot.counts?.(message.counts);
        return;
      }
      slot.inFlight--;
      this.onResult(message.result);
      this.wake();
    });
    slot.worker.on('error', (error) => {
      this.failure ??= error;
      this.wake();
    });
    return slot;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  async submit(task: Task): Promise<void> {
    for (;;) {
      this.check();
      const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (slot.inFlight < MAX_IN_FLIGHT) {
        slot.inFlight++;
        slot.worker.postMessage(task, transferable(task));
        return;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async finish(): Promise<AggregateCounts> {
    try {
      while (this.slots.some((s) => s.inFlight > 0)) {
        this.check();
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
      const parts = await Promise.all(
        this.slots.map(
          (slot) =>
            new Promise<AggregateCounts>((resolve, reject) => {
              slot.counts = resolve;
              slot.worker.once('error', reject);
              slot.worker.postMessage({ kind: 'finish' });
            }),
        ),
      );
      // Sums do not depend on which worker counted what: the merge is deterministic.
      const total = new Aggregate(this.taxonomy);
      for (const part of parts) total.merge(part);
      return total.counts();
    } finally {
      await Promise.all(this.slots.map((s) => s.worker.terminate()));
    }
  }
}
