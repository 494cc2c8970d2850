/**
 * The lines of an ad whose layout was flattened: scraped ads often arrive as ONE line, with "•" or
 * "- " bullets inline, items apart by no-break spaces, and headings glued to the word before them
 * ("skillsBonus Qualifications:", "intelligentlyWe strongly prefer candidates who also have:- Scala").
 * Pure: text in, the offsets where a line begins out (no character is added or removed, so every
 * offset still points into the text). The level analysis reads these as line breaks.
 */

/** A line this long is a flattened ad (or a paragraph that needs no breaks: most have none of the marks). */
const LONG_LINE = 300;

// Where an item or heading begins inside a long line:
const BREAKS = new RegExp(
  [
    // an inline bullet: "skills • Telecom", "skills· Go"
    '(?<=\\S[ \\u00a0]*)(?=[•·▪◦‣][ \\u00a0]*\\S)',
    // a run of no-break spaces between items
    '(?<=\\u00a0)(?=[^\\s\\u00a0])',
    // a "- " bullet glued to the item before it, or apart by spaces: "MapReduce)- Microservices", "AWS - Docker", "Degree \\- At least"
    '(?<=[\\p{L}\\p{N})\\].,;:!?%][ \\u00a0]*)(?=\\\\?[-–—][ \\u00a0]+\\p{Lu})',
    // a "-" bullet glued to its item: "experience -Strong fundamentals"
    '(?<=\\S[ \\u00a0]+)(?=-\\p{Lu}\\p{Ll})',
    // a Markdown heading inside the line: "... ### Preferred Qualifications:"
    '(?<=\\S[ \\u00a0]+)(?=#{1,6} )',
    // a capitalised label glued to the word before it and ending in ":" within eight words
    "(?<=[\\p{Ll}\\p{N})\\].,;!?])(?=\\p{Lu}[\\p{L}’'&/-]*(?:[ \\u00a0]+[\\p{L}’'&/()-]+){0,7}[ \\u00a0]*[:：])",
  ].join('|'),
  'gu',
);

/** Offsets (ascending) inside the text's long lines where a flattened line begins. */
export function layoutBreaks(text: string): number[] {
  const breaks: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > LONG_LINE) {
      BREAKS.lastIndex = lineStart;
      for (let m = BREAKS.exec(text); m && m.index < lineEnd; m = BREAKS.exec(text)) {
        if (m.index > lineStart && breaks[breaks.length - 1] !== m.index) breaks.push(m.index);
        BREAKS.lastIndex = m.index + 1; // the matches are empty: step past each
      }
    }
    lineStart = lineEnd + 1;
  }
  return breaks;
}
