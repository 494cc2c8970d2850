import type { ChalkInstance } from 'chalk';

/** What every reporter may be told; reporters are pure functions of (result, options). */
export interface ReportOptions {
  /** Colours for text formats; a level-0 instance means plain text. */
  chalk: ChalkInstance;
  /** List every match with line:col and a snippet, and how the score was made. */
  explain: boolean;
}
