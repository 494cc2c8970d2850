import { lazyRequire } from './lazyRequire.js';

const levenshtein = lazyRequire<{ DamerauLevenshteinDistance: (a: string, b: string) => number }>('natural/lib/natural/distance/levenshtein_distance.js');

/** Edit distance with transpositions ("Javascipt" -> "JavaScript" is 1), via natural. */
export function editDistance(a: string, b: string): number {
  return levenshtein().DamerauLevenshteinDistance(a, b);
}

/** The candidate closest to `word` within `maxDistance` edits (case-insensitive), if any. */
export function closest(word: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
