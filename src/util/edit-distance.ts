/**
 * Edit distance for "did you mean" suggestions: the optimal string alignment distance (Damerau-
 * Levenshtein with adjacent transpositions, each substring edited once), bounded so that a far
 * candidate costs little, and the nearest of a list of candidates.
 */

/**
 * The edit distance between `a` and `b` (insertions, deletions, substitutions and transpositions of
 * two adjacent characters, each counting 1), or `Infinity` once it is certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return Infinity;
  if (a.length === 0) return b.length <= max ? b.length : Infinity;
  if (b.length === 0) return a.length <= max ? a.length : Infinity;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return Infinity;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  const d = prev[n]!;
  return d <= max ? d : Infinity;
}

/**
 * How far a suggestion may be from what was written: one edit for a word of up to three characters,
 * else two edits or a third of its length, whichever is more.
 */
export function suggestionBound(word: string): number {
  return word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
}

/**
 * The candidate nearest to `word` within `max` edits (default: suggestionBound), or undefined when
 * none is that near (or `word` itself is a candidate). Ties go to the candidate that differs from
 * `word` only in case, then to the one closest in length, then to the first in code-unit order, so
 * the answer does not depend on the order of the candidates.
 */
export function nearest(word: string, candidates: Iterable<string>, max = suggestionBound(word)): string | undefined {
  let best: string | undefined;
  let bestKey: [number, number, number] | undefined;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) return undefined;
    const d = editDistance(word, c, bestKey ? Math.min(max, bestKey[0]) : max);
    if (d === Infinity) continue;
    const key: [number, number, number] = [d, c.toLowerCase() === lower ? 0 : 1, Math.abs(c.length - word.length)];
    if (!bestKey || compareKeys(key, bestKey) < 0 || (compareKeys(key, bestKey) === 0 && c < best!)) {
      best = c;
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
