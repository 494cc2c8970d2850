import { decodeHTML } from 'entities/decode';
import { OffsetMap } from './offsetMap.js';

/**
 * HTML to plain text for the tokenizer, hand-written because the job is small: tags go, `<script>`,
 * `<style>`, `<template>`, `<noscript>` and comments go with their content, entities are decoded,
 * and block tags become line breaks so that headings, paragraphs and bullets stay apart as they do
 * on screen. Every text character keeps a link to where it came from (an `OffsetMap`), so reported
 * line:column point into the original HTML file.
 *
 * Whitespace: outside `<pre>`, source line breaks become spaces (a browser joins those lines); the
 * breaks the reader sees come from tags: one `\n` for a line (`li`, `br`, `tr`, `dt`, `dd`), a blank
 * line for a block (`p`, `div`, `h1`-`h6`, `ul`, `table`, ...), so a bullet list is one paragraph and
 * two paragraphs are two (the disambiguation's "same paragraph" rule sees what a reader sees).
 */
export function htmlToText(source: string): { text: string; map: OffsetMap } {
  return new HtmlText(source).run();
}

const PARAGRAPH = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'title',
  'ul',
]);
const LINE = new Set(['br', 'caption', 'dd', 'dt', 'li', 'option', 'tbody', 'tfoot', 'thead', 'tr']);
const CELL = new Set(['td', 'th']);
/** Elements whose content is never shown as text. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math']);

/** Space, tab, LF, FF, CR: the white space HTML collapses (not U+00A0). */
const HTML_SPACE = new Set([32, 9, 10, 12, 13]);
const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)/y;
const ENTITY = /&(?:#(?:[0-9]{1,8}|[xX][0-9a-fA-F]{1,8});?|[A-Za-z][A-Za-z0-9]{0,31};?)/y;

class HtmlText {
  private readonly parts: string[] = [];
  private readonly map = new OffsetMap();
  /** Line breaks at the end of the text so far (spaces ignored); Infinity before any text. */
  private trailingBreaks = Number.POSITIVE_INFINITY;
  private lastChar = '';
  private preDepth = 0;

  constructor(private readonly source: string) {}

  run(): { text: string; map: OffsetMap } {
    const s = this.source;
    let i = 0;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 60 /* < */) i = this.markup(i);
      else if (c === 38 /* & */) i = this.entity(i);
      else {
        let j = i + 1;
        while (j < s.length && s.charCodeAt(j) !== 60 && s.charCodeAt(j) !== 38) j++;
        this.copy(i, j);
        i = j;
      }
    }
    return { text: this.parts.join(''), map: this.map };
  }

  /** Source text shown as is (line breaks as spaces outside `<pre>`). */
  private copy(from: number, to: number): void {
    if (this.preDepth === 0 && this.trailingBreaks > 0) {
      // At the start of a line, indentation of the HTML source is not text: a heading or bullet
      // starts its line, as on screen. Only HTML's collapsible white space: a no-break space is text.
      while (from < to && HTML_SPACE.has(this.source.charCodeAt(from))) from++;
      if (from === to) return;
    }
    const raw = this.source.slice(from, to);
    this.emit(this.preDepth > 0 ? raw : raw.replace(/[\r\n\f]/g, ' '));
    this.map.copy(from, to - from);
  }

  private emit(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.lastChar = text[text.length - 1]!;
    let breaks = 0;
    for (let k = text.length - 1; k >= 0; k--) {
      const ch = text.charCodeAt(k);
      if (ch === 10 || ch === 13) breaks++;
      else if (ch !== 32 && ch !== 9) {
        this.trailingBreaks = breaks;
        return;
      }
    }
    this.trailingBreaks += breaks;
  }

  /** A tag, comment or declaration starting at `i`; returns where the text goes on. */
  private markup(i: number): number {
    const s = this.source;
    if (s.startsWith('<!--', i)) return endAfter(s, '-->', i + 4);
    const next = s.charCodeAt(i + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) return endAfter(s, '>', i + 2);
    TAG_NAME.lastIndex = i;
    const m = TAG_NAME.exec(s);
    const end = m ? tagEnd(s, TAG_NAME.lastIndex) : -1;
    if (!m || end < 0) {
      this.copy(i, i + 1); // a lone "<", as in "a < b": text
      return i + 1;
    }
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (!closing && HIDDEN.has(name) && s.charCodeAt(end - 2) !== 47 /* not <x/> */) return this.skipElement(name, end);
    if (name === 'pre') this.preDepth = Math.max(0, this.preDepth + (closing ? -1 : 1));
    if (name === 'br')
      this.replace('\n', i, end); // each <br> is a line break: two make a blank line
    else if (PARAGRAPH.has(name)) this.lineBreaks(2, i, end);
    else if (LINE.has(name)) this.lineBreaks(1, i, end);
    else if (CELL.has(name) && this.lastChar !== '' && !/\s/.test(this.lastChar)) this.replace(' ', i, end);
    return end;
  }

  /** Ends the current line with `count` line breaks in all (fewer if some are already there). */
  private lineBreaks(count: number, from: number, to: number): void {
    if (this.trailingBreaks >= count) return;
    this.replace('\n'.repeat(count - this.trailingBreaks), from, to);
  }

  private replace(text: string, from: number, to: number): void {
    this.emit(text);
    this.map.replace(from, to, text.length);
  }

  /** Skips a hidden element's content up to and including its closing tag (or to the end). */
  private skipElement(name: string, from: number): number {
    const close = new RegExp(`</${name}[\\s/>]`, 'ig');
    close.lastIndex = from;
    const m = close.exec(this.source);
    if (!m) return this.source.length;
    return endAfter(this.source, '>', m.index + 2);
  }

  /** `&name;`, `&#43;`, `&#x2B;` decoded; an unknown one stays as written. */
  private entity(i: number): number {
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(this.source);
    const raw = m?.[0];
    const decoded = raw ? decodeHTML(raw) : undefined;
    if (!raw || decoded === undefined || decoded === raw) {
      this.copy(i, i + 1);
      return i + 1;
    }
    // Legacy entities need no ";": "&copy2024" is "©2024". Letters the entity did not use are copied 1:1.
    let same = 0;
    while (same < raw.length - 1 && same < decoded.length - 1 && raw[raw.length - 1 - same] === decoded[decoded.length - 1 - same]) same++;
    this.replace(decoded.slice(0, decoded.length - same), i, i + raw.length - same);
    if (same > 0) this.copy(i + raw.length - same, i + raw.length);
    return i + raw.length;
  }
}

/** The offset just after the first `token` from `from`, or the end of `s`. */
function endAfter(s: string, token: string, from: number): number {
  const at = s.indexOf(token, from);
  return at < 0 ? s.length : at + token.length;
}

/** The offset after the `>` closing a tag whose name ends at `from` (quotes respected), or -1. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let k = from; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return k + 1;
    else if (c === 60) break; // "<" before ">": not a tag after all (or an unclosed quote)
  }
  const plain = s.indexOf('>', from);
  const nextOpen = s.indexOf('<', from);
  return plain >= 0 && (nextOpen < 0 || plain < nextOpen) ? plain + 1 : -1;
}
