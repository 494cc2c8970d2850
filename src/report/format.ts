/** Number formatting shared by the report formats: grouped thousands, shares as percentages. */
const grouped = new Intl.NumberFormat('en-US');

export const count = (n: number): string => grouped.format(n);

export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** Bucket label "0–9", ..., "90–100". */
export const bucketLabel = (from: number, to: number): string => `${from}–${to}`;
