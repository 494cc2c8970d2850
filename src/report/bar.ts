/** A bar of `width` cells for a fraction 0..1, with eighth-cell precision. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  const partial = rest === 0 ? '' : ' ▏▎▍▌▋▊▉'[rest]!;
  return ('█'.repeat(full) + partial).padEnd(width, '·');
}
