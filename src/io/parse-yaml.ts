// Parses a YAML input: syntax errors with line and column, duplicate keys, alias bombs and prototype-polluting
// keys refused, and the position of every field (yaml-index.ts). read-yaml.ts imports it only for a
// planner's file: the built-in calendars come parsed (builtin-calendars.ts).
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { CycleSyncError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { itemSeg, keySeg } from './yaml-index.js';
import type { Position, YamlIndex } from './yaml-index.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses `text` (shown to users as `file`) into its data and the position of every field. */
export function indexYaml(text: string, file: string): YamlIndex {
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
  // Vetting the keys on the walk that indexes them: a forbidden key stops the read before toJS sees it.
  const positions = indexDocument(doc, lineCounter, (key, offset) => {
    if (FORBIDDEN_KEYS.has(key))
      throw new CycleSyncError({
        code: 'SCHEMA',
        message: `the key "${key}" is not allowed`,
        at: at(offset ?? 0),
        hint: 'rename the key: __proto__, constructor and prototype are reserved',
      });
  });
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
  return { data, ...positions };
}

/**
 * The positions of `doc`'s keys and items (its data is the caller's: indexYaml converts it only after
 * vetting the keys). `onKey` sees every mapping key in document order, with its offset, and may throw.
 */
export function indexDocument(
  doc: Document,
  lineCounter: LineCounter,
  onKey: (key: string, offset: number | undefined) => void = () => {}
): Omit<YamlIndex, 'data'> {
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return [line, col];
  };
  const positions: Record<string, Position> = {};
  const walk = (node: unknown, prefix: string): void => {
    if (isMap(node))
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const at = (pair.key as Node).range?.[0];
        onKey(String(pair.key.value), at);
        const key = prefix + keySeg(String(pair.key.value));
        if (at !== undefined) positions[key] = pos(at);
        walk(pair.value, key);
      }
    else if (isSeq(node))
      node.items.forEach((item, i) => {
        const key = prefix + itemSeg(i);
        const at = (item as Node | null)?.range?.[0];
        if (at !== undefined) positions[key] = pos(at);
        walk(item, key);
      });
  };
  walk(doc.contents, '');
  const rootAt = (doc.contents as Node | null)?.range?.[0];
  return { root: rootAt === undefined ? null : pos(rootAt), positions };
}
