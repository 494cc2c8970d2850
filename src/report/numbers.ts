/** Number formatting shared by the report formats: grouped thousands, shares as percentages. */
// Made on first use: creating an Intl formatter loads ICU locale data, and every command
// that imports a reporter would otherwise pay it at start, even `scan -f json`.
let grouped: Intl.NumberFormat | undefined;

export const count = (n: number): string => (grouped ??= new Intl.NumberFormat('en-US')).format(n);

export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** Bucket label "0–9", ..., "90–100". */
export const bucketLabel = (from: number, to: number): string => `${from}–${to}`;
