/**
 * The lines of an ad whose layout was flattened: scraped ads often arrive as ONE line, with "•" or
 * "- " bullets inline, items apart by no-break spaces, and headings glued to the word before them
 * ("skillsBonus Qualifications:", "intelligentlyWe strongly prefer candidates who also have:- Scala").
 * Pure: text in, the offsets where a line begins out (no character is added or removed, so every
 * offset still points into the text). The level analysis reads these as line breaks.
 */

/**
 * A line this long is a flattened ad, not a paragraph: a whole ad run together. (Most long lines are
 * prose, which needs no breaks, and reading each for bullet marks would cost every report its time.)
 */
const LONG_LINE = 800;

// Where an item or heading begins inside a long line. Each alternative tests the character at the
// position first (the lookahead), and only then looks back: most positions fail at once.
const BREAKS = new RegExp(
  [
    // an inline bullet: "skills • Telecom", "skills· Go"
    '(?=[•·▪◦‣][ \\u00a0]*\\S)(?<=\\S[ \\u00a0]*)',
    // a run of no-break spaces between items
    '(?=[^\\s\\u00a0])(?<=\\u00a0)',
    // a "- " bullet glued to the item before it, or apart by spaces: "MapReduce)- Microservices", "AWS - Docker", "Degree \\- At least"
    '(?=\\\\?[-–—][ \\u00a0]+\\p{Lu})(?<=[\\p{L}\\p{N})\\].,;:!?%][ \\u00a0]*)',
    // a "-" bullet glued to its item: "experience -Strong fundamentals"
    '(?=-\\p{Lu}\\p{Ll})(?<=\\S[ \\u00a0]+)',
    // a Markdown heading inside the line: "... ### Preferred Qualifications:"
    '(?=#{1,6} )(?<=\\S[ \\u00a0]+)',
    // a capitalised label glued to the word before it and ending in ":" within eight words
    "(?=\\p{Lu}[\\p{L}’'&/-]*(?:[ \\u00a0]+[\\p{L}’'&/()-]+){0,7}[ \\u00a0]*[:：])(?<=[\\p{Ll}\\p{N})\\].,;!?])",
  ].join('|'),
  'gu',
);

/**
 * Whether the text's lines are, on average, far longer than an ad's: a flattened ad. An ad written
 * with line breaks and a long paragraph or two is read as it is.
 */
function flattened(text: string): boolean {
  const most = text.length / MEAN_FLAT_LINE - 1; // more line breaks than this: not flattened
  let breaks = 0;
  for (let at = text.indexOf('\n'); at >= 0 && breaks <= most; at = text.indexOf('\n', at + 1)) breaks++;
  return breaks <= most;
}

/** Mean characters per line from which a text is a flattened ad. */
const MEAN_FLAT_LINE = 250;

/** Offsets (ascending) inside the text's long lines where a flattened line begins. */
export function layoutBreaks(text: string): number[] {
  const breaks: number[] = [];
  if (text.length <= LONG_LINE || !flattened(text)) return breaks;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > LONG_LINE) {
      // One line at a time: a search from the line into the whole text would run on past it.
      const line = text.slice(lineStart, lineEnd);
      BREAKS.lastIndex = 0;
      for (let m = BREAKS.exec(line); m; m = BREAKS.exec(line)) {
        if (m.index > 0) breaks.push(lineStart + m.index);
        BREAKS.lastIndex = m.index + 1; // the matches are empty: step past each
      }
    }
    lineStart = lineEnd + 1;
  }
  return breaks;
}
