// "Did you mean …?" for a mistyped id, key or name: the closest known word by edit distance, if close enough.
import { closest, distance } from 'fastest-levenshtein';

/**
 * The known word closest to `word`, when at most `maxDistance` edits away (default 3).
 * @example closestKnown('publicaton', ['publication', 'priorities']) //=> 'publication'
 */
export function closestKnown(word: string, known: readonly string[], maxDistance = 3): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(word, [...known]);
  return distance(word, best) <= maxDistance ? best : undefined;
}

/** A hint naming the closest known word, then all of them: `did you mean "x"? known ids: a, b, x`. */
export function knownHint(word: string, known: readonly string[], what: string): string {
  const best = closestKnown(word, known);
  return `${best === undefined ? '' : `did you mean "${best}"? `}known ${what}: ${known.join(', ')}`;
}
