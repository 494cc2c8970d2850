/**
 * Small SVG chart builders for the HTML report: plain strings, no library, no network. Colours are
 * CSS classes and variables set by the page, so the charts follow its light/dark theme. Every chart
 * is role="img" with a <title> and <desc>; each mark has its own <title> (a tooltip and a label).
 */

export const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rough width of a label in the page's font at 13px: enough to lay out columns without measuring. */
const textWidth = (text: string, px = 13): number => Math.ceil(text.length * px * 0.56);

/** Every chart gets an `id` from its page (ids in the page must be unique; no global counter, so output is pure). */
function frame(id: string, width: number, height: number, title: string, desc: string, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" preserveAspectRatio="xMinYMin meet"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`;
}

export interface BarRow {
  label: string;
  /** 0..1 of the scale. */
  fraction: number;
  /** Text after the bar ("48.1% · 7,590"). */
  value: string;
  /** CSS colour (a var(--c-…) reference). */
  color: string;
  tooltip: string;
  /** Optional second label in a muted style, before the bar (a category). */
  note?: string;
}

/** Horizontal bars, one row each, label | bar | value. */
export function barChart(rows: BarRow[], options: { id: string; title: string; desc: string; width?: number; row?: number }): string {
  const width = options.width ?? 760;
  const rowH = options.row ?? 24;
  const labelW = Math.min(260, Math.max(80, ...rows.map((r) => textWidth(r.label))) + 12);
  const valueW = Math.max(...rows.map((r) => textWidth(r.value, 12))) + 14;
  const barW = width - labelW - valueW;
  const height = rows.length * rowH + 8;
  const body = rows
    .map((r, i) => {
      const y = 4 + i * rowH;
      const w = Math.max(r.fraction > 0 ? 2 : 0, r.fraction * barW);
      return `<g class="row"><title>${esc(r.tooltip)}</title><text class="label" x="${labelW - 10}" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="central">${esc(r.label)}</text><rect class="track" x="${labelW}" y="${y + 4}" width="${barW}" height="${rowH - 8}" rx="3"/><rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" rx="3" fill="${r.color}"/><text class="value" x="${(labelW + w + 6).toFixed(1)}" y="${y + rowH / 2}" dominant-baseline="central">${esc(r.value)}</text></g>`;
    })
    .join('');
  return frame(options.id, width, height, options.title, options.desc, body);
}

/** Vertical columns (a histogram) with labels under each and counts above, and optional marker lines. */
export function columnChart(
  columns: { label: string; value: number; tooltip: string }[],
  options: { id: string; title: string; desc: string; markers?: { at: number; label: string }[]; width?: number; height?: number },
): string {
  const width = options.width ?? 760;
  const height = options.height ?? 240;
  const top = 28;
  const bottom = options.markers?.length ? 60 : 40;
  const plotH = height - top - bottom;
  const max = Math.max(...columns.map((c) => c.value), 1);
  const step = width / columns.length;
  const body = columns
    .map((c, i) => {
      const h = (c.value / max) * plotH;
      const x = i * step + step * 0.12;
      const w = step * 0.76;
      const y = top + plotH - h;
      return `<g class="col"><title>${esc(c.tooltip)}</title><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${Math.max(h, c.value > 0 ? 1 : 0).toFixed(1)}" rx="3" fill="var(--accent)"/><text class="value" x="${(x + w / 2).toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle">${c.value.toLocaleString('en-US')}</text><text class="label" x="${(x + w / 2).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${esc(c.label)}</text></g>`;
    })
    .join('');
  const axis = `<line class="axis" x1="0" x2="${width}" y1="${top + plotH + 0.5}" y2="${top + plotH + 0.5}"/>`;
  // A marker at a score s (0..100) sits inside its 10-point column, proportionally: a caret under the
  // axis with its label below the column labels, so it never covers a bar or a count.
  const markers = (options.markers ?? [])
    .map((m) => {
      const x = (Math.min(99.999, m.at) / 100) * width;
      const y = top + plotH;
      const anchor = x < 60 ? 'start' : x > width - 60 ? 'end' : 'middle';
      return `<g class="marker"><path d="M${x.toFixed(1)} ${y + 26} l-5 8 h10 z"/><text x="${x.toFixed(1)}" y="${y + 48}" text-anchor="${anchor}">${esc(m.label)}</text></g>`;
    })
    .join('');
  return frame(options.id, width, height, options.title, options.desc, axis + body + markers);
}

/** A symmetric heatmap: cells[i][j] in 0..1 of the strongest, with a text per cell for the tooltip. */
export function heatmap(
  labels: string[],
  cells: { fraction: number; tooltip: string; text: string }[][],
  options: { id: string; title: string; desc: string },
): string {
  const cell = 34;
  const labelW = Math.min(200, Math.max(...labels.map((l) => textWidth(l, 12))) + 12);
  const topH = labelW;
  const width = labelW + labels.length * cell + Math.ceil(labelW * 0.6); // room for the last slanted label
  const height = topH + labels.length * cell + 4;
  const parts: string[] = [];
  labels.forEach((l, i) => {
    parts.push(`<text class="label small" x="${labelW - 8}" y="${topH + i * cell + cell / 2}" text-anchor="end" dominant-baseline="central">${esc(l)}</text>`);
    const x = labelW + i * cell + cell / 2;
    parts.push(`<text class="label small" transform="translate(${x} ${topH - 8}) rotate(-55)" dominant-baseline="central">${esc(l)}</text>`);
  });
  cells.forEach((row, i) => {
    row.forEach((c, j) => {
      const x = labelW + j * cell;
      const y = topH + i * cell;
      if (i === j) {
        parts.push(`<rect class="diag" x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" rx="3"/>`);
        return;
      }
      const strong = c.fraction > 0.55;
      parts.push(
        `<g class="cell"><title>${esc(c.tooltip)}</title><rect x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" rx="3" fill="var(--heat)" fill-opacity="${(0.06 + 0.94 * c.fraction).toFixed(3)}"/><text class="cell-text${strong ? ' on-strong' : ''}" x="${x + cell / 2}" y="${y + cell / 2}" text-anchor="middle" dominant-baseline="central">${esc(c.text)}</text></g>`,
      );
    });
  });
  return frame(options.id, width, height, options.title, options.desc, parts.join(''));
}

/** One horizontal bar split into parts (the level split), with a legend under it. */
export function stackedBar(
  parts: { label: string; value: number; color: string }[],
  options: { id: string; title: string; desc: string; width?: number },
): string {
  const width = options.width ?? 760;
  const total = parts.reduce((n, p) => n + p.value, 0) || 1;
  let x = 0;
  const bars = parts
    .map((p) => {
      const w = (p.value / total) * width;
      const share = `${((p.value / total) * 100).toFixed(1)}%`;
      const mark = `<g><title>${esc(`${p.label}: ${p.value.toLocaleString('en-US')} (${share})`)}</title><rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="30" fill="${p.color}"/>${w > 60 ? `<text class="on-bar" x="${(x + 8).toFixed(1)}" y="15" dominant-baseline="central">${esc(share)}</text>` : ''}</g>`;
      x += w;
      return mark;
    })
    .join('');
  let lx = 0;
  const legend = parts
    .map((p) => {
      const text = `${p.label} ${p.value.toLocaleString('en-US')} (${((p.value / total) * 100).toFixed(1)}%)`;
      const item = `<rect x="${lx}" y="44" width="12" height="12" rx="2" fill="${p.color}"/><text class="label" x="${lx + 18}" y="50" dominant-baseline="central">${esc(text)}</text>`;
      lx += 18 + textWidth(text) + 24;
      return item;
    })
    .join('');
  return frame(
    options.id,
    width,
    64,
    options.title,
    options.desc,
    `<clipPath id="${options.id}-clip"><rect width="${width}" height="30" rx="6"/></clipPath><g clip-path="url(#${options.id}-clip)">${bars}</g>${legend}`,
  );
}
