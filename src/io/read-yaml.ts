// Reads a YAML input file defensively: size cap, syntax errors with line and column, duplicate keys,
// alias bombs and prototype-polluting keys refused, and a `locate` that maps a field path to its line.
import { readFile, stat } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { CycleSyncError } from '../errors.js';
import type { SourceLocation } from '../errors.js';

export const MAX_INPUT_BYTES = 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlInput {
  /** As shown to users: relative to the working folder when inside it. */
  file: string;
  data: unknown;
  /** Where the deepest existing part of `path` is written. */
  locate: (path: readonly (string | number)[]) => SourceLocation | undefined;
  /** Where `path` is written, only when the whole path exists in this file. */
  locateExact: (path: readonly (string | number)[]) => SourceLocation | undefined;
}

export async function readYamlFile(absPath: string, shownAs: string): Promise<YamlInput> {
  let size: number;
  try {
    const s = await stat(absPath);
    if (s.isDirectory())
      throw new CycleSyncError({
        code: 'FILE_UNREADABLE',
        message: `${shownAs} is a folder, not a file`,
        at: { file: shownAs },
      });
    size = s.size;
  } catch (e) {
    if (e instanceof CycleSyncError) throw e;
    throw new CycleSyncError({
      code: 'FILE_NOT_FOUND',
      message: `cannot read ${shownAs}: no such file`,
      at: { file: shownAs },
      hint: 'check the path; built-in calendars are named builtin:socta, builtin:ideal, builtin:joint',
      cause: e,
    });
  }
  if (size > MAX_INPUT_BYTES)
    throw new CycleSyncError({
      code: 'FILE_TOO_LARGE',
      message: `${shownAs} is ${size} bytes, over the 1 MiB limit for a calendar file`,
      at: { file: shownAs },
      hint: 'split it, or check that this is the file you meant',
    });
  return parseYaml(await readFile(absPath, 'utf8'), shownAs);
}

export function parseYaml(text: string, file: string): YamlInput {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const [first, ...rest] = doc.errors;
  if (first) {
    const duplicate = first.code === 'DUPLICATE_KEY';
    throw new CycleSyncError({
      code: 'YAML_SYNTAX',
      message: duplicate
        ? 'duplicate key: a key may appear only once in a mapping'
        : `YAML syntax error: ${first.message.split('\n')[0]}`,
      at: at(first.pos[0]),
      hint: duplicate
        ? 'remove or merge the repeated key'
        : 'check indentation, colons and quotes on this line or the one above',
      more: rest.slice(0, 4).map(e => `${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`),
    });
  }
  rejectForbiddenKeys(doc, at);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new CycleSyncError({
      code: 'YAML_SYNTAX',
      message: `YAML aliases expand too far (${(e as Error).message})`,
      at: { file },
      hint: 'a calendar never needs more than a few aliases; expand them by hand',
      cause: e,
    });
  }
  return {
    file,
    data,
    locate: path => locateIn(doc, path, at).loc,
    locateExact: path => {
      const r = locateIn(doc, path, at);
      return r.complete ? r.loc : undefined;
    },
  };
}

function rejectForbiddenKeys(doc: Document, at: (offset: number) => SourceLocation): void {
  const walk = (node: unknown): void => {
    if (isMap(node))
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && FORBIDDEN_KEYS.has(key))
          throw new CycleSyncError({
            code: 'SCHEMA',
            message: `the key "${key}" is not allowed`,
            at: at((pair.key as Node).range?.[0] ?? 0),
            hint: 'rename the key: __proto__, constructor and prototype are reserved',
          });
        walk(pair.value);
      }
    else if (isSeq(node)) node.items.forEach(walk);
  };
  walk(doc.contents);
}

/** The deepest node on `path`; for a mapping entry, the position of its key. */
function locateIn(
  doc: Document,
  path: readonly (string | number)[],
  at: (offset: number) => SourceLocation
): { loc: SourceLocation | undefined; complete: boolean } {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  let found = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find(p => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      found++;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
      found++;
    } else break;
  }
  return { loc: offset === undefined ? undefined : at(offset), complete: found === path.length };
}
