// Deep imports of `natural`: the package root costs ~1.1 s and prints to stdout, so we load only
// the modules we use. Their types live per folder upstream; these shims cover what we call.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(a: string, b: string, options?: { transposition_cost?: number }): number;
  export function LevenshteinDistance(a: string, b: string): number;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  function JaroWinklerDistance(a: string, b: string, options?: { ignoreCase?: boolean }): number;
  export default JaroWinklerDistance;
}
