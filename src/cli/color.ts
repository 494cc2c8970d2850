import { Chalk, type ChalkInstance } from 'chalk';
import type { ReportOptions } from '../report/options.js';
import type { Io } from './io.js';

/**
 * The colour level for stdout: `--color`/`--no-color` win; then FORCE_COLOR (0-3) sets it, then NO_COLOR
 * (non-empty) turns it off; otherwise colour only on a terminal. A per-run Chalk instance, so that
 * nothing depends on global state.
 */
export function makeChalk(flag: boolean | undefined, io: Io): ChalkInstance {
  return new Chalk({ level: colorLevel(flag, io) });
}

export function colorLevel(flag: boolean | undefined, io: Io): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (flag === true) return 1;
  // As in Node itself: FORCE_COLOR takes precedence over NO_COLOR.
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    const n = Number(force);
    return n >= 3 ? 3 : n === 2 ? 2 : n >= 1 ? 1 : 0;
  }
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  return io.stdout.isTTY ? 1 : 0;
}

/**
 * Reporter options whose Chalk is made when a reporter first reads it. JSON, CSV and the like never
 * do, so they also skip asking whether stdout is a terminal (the tty module loads net and streams).
 */
export function reportOptions(flag: boolean | undefined, io: Io, explain: boolean): ReportOptions {
  let chalk: ChalkInstance | undefined;
  return {
    get chalk() {
      return (chalk ??= makeChalk(flag, io));
    },
    explain,
  };
}
