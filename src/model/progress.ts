/** How far a long run (report) has come, for a progress bar. */
export interface Progress {
  documents: number;
  /** Input bytes consumed (compressed bytes for gzip), and the total when known (no stdin). */
  bytes: number;
  totalBytes?: number;
}
