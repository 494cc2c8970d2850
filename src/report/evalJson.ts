import type { EvalReport } from '../model/eval.js';

/** `eval --format json`: the report object, two-space indented. */
export function evalJson(report: EvalReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
