import type { Progress } from '../model/progress.js';
import type { Io } from './io.js';

/** Redraws at most this often, and only once a run has lasted this long: short runs stay quiet. */
const EVERY_MS = 100;
const AFTER_MS = 500;
const WIDTH = 24;

/**
 * A one-line progress bar on stderr — documents, rate and ETA (when the input size is known) — drawn
 * only when stderr is a terminal, so pipes and CI logs never see it; stdout is never touched.
 */
export function createProgress(io: Io, enabled: boolean, now: () => number = Date.now): { update: (p: Progress) => void; done: () => void } {
  if (!enabled || !io.stderr.isTTY) return { update: () => {}, done: () => {} };
  const started = now();
  let last = 0;
  let drawn = false;
  const update = (p: Progress): void => {
    const t = now();
    if (t - started < AFTER_MS || t - last < EVERY_MS) return;
    last = t;
    drawn = true;
    io.stderr.write(`\r${progressLine(p, (t - started) / 1000)}\x1b[K`);
  };
  const done = (): void => {
    if (drawn) io.stderr.write('\r\x1b[K');
  };
  return { update, done };
}

/** "[█████···] 43%  6,800 docs  2,950 docs/s  ETA 3s" (no bar or ETA when the size is unknown). */
export function progressLine(p: Progress, seconds: number): string {
  const rate = seconds > 0 ? p.documents / seconds : 0;
  const docs = `${p.documents.toLocaleString('en-US')} docs  ${Math.round(rate).toLocaleString('en-US')} docs/s`;
  if (!p.totalBytes) return docs;
  const fraction = Math.min(1, p.bytes / p.totalBytes);
  const filled = Math.round(fraction * WIDTH);
  const eta = fraction > 0 ? Math.max(0, Math.round(seconds / fraction - seconds)) : undefined;
  return `[${'█'.repeat(filled)}${'·'.repeat(WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${docs}${eta === undefined ? '' : `  ETA ${formatSeconds(eta)}`}`;
}

function formatSeconds(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
