// Where each field of a parsed YAML file is written, as plain data: the parsed value plus the line and column
// of every mapping key and list item, keyed by its path. Every YamlInput's `locate` answers from such an
// index, whether the file was parsed just now (parse-yaml.ts builds it) or at build time
// (builtin-calendars.generated.ts, built by the same parse), so the two point at the same lines by
// construction. Plain data and no parser here: a run on the built-in calendars never loads the YAML parser.
import type { SourceLocation } from '../errors.js';

/** [line, column], 1-based, as yaml's LineCounter gives them. */
export type Position = [number, number];

export interface YamlIndex {
  data: unknown;
  /** Where the document's top node starts; null for an empty document. */
  root: Position | null;
  /** Position of each mapping key and list item, keyed by its path (segments as below, concatenated). */
  positions: Record<string, Position>;
}

/**
 * One path segment: a mapping key as a JSON string (`"publication"`), a list item as `[3]`. A segment starts
 * with `"` or `[` and a JSON string ends at its closing quote, so no two paths share a key (a key `a.b` is
 * not the path a → b). Numbers may also name mapping keys.
 */
export const keySeg = (key: string): string => JSON.stringify(key);
export const itemSeg = (index: number): string => `[${index}]`;

export interface Locators {
  /** Where the deepest existing part of `path` is written. */
  locate: (path: readonly (string | number)[]) => SourceLocation | undefined;
  /** Where `path` is written, only when the whole path exists in this file. */
  locateExact: (path: readonly (string | number)[]) => SourceLocation | undefined;
}

export function locatorsOf(index: YamlIndex, file: string): Locators {
  const at = ([line, column]: Position): SourceLocation => ({ file, line, column });
  /** The position of the deepest existing prefix of `path`, and whether that prefix is all of it. */
  const walk = (path: readonly (string | number)[]): { found: Position | null; complete: boolean } => {
    let prefix = '';
    let found = index.root;
    for (const seg of path) {
      // A number is a list index, or a mapping key written as a number (`2029:`).
      const candidates =
        typeof seg === 'number' ? [prefix + itemSeg(seg), prefix + keySeg(String(seg))] : [prefix + keySeg(seg)];
      const next = candidates.find(c => index.positions[c] !== undefined);
      if (next === undefined) return { found, complete: false };
      prefix = next;
      found = index.positions[next]!;
    }
    return { found, complete: true };
  };
  return {
    locate: path => {
      const { found } = walk(path);
      return found ? at(found) : undefined;
    },
    locateExact: path => {
      const { found, complete } = walk(path);
      return complete && found ? at(found) : undefined;
    },
  };
}
