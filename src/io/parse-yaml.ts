// Parses a YAML input: syntax errors with line and column, duplicate keys, alias bombs, prototype-polluting
// keys, too many keys and too deep nesting refused, and the position of every field (yaml-index.ts).
// read-yaml.ts imports it only for a planner's file: the built-in calendars come parsed (builtin-calendars.ts).
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { CycleSyncError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { itemSeg, keySeg } from './yaml-index.js';
import type { Position, YamlIndex } from './yaml-index.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Keys and list items in one file: the built-in calendars have under 300; a planner's file needs few more. */
export const MAX_YAML_ENTRIES = 10_000;
/** Mappings and lists inside each other: a calendar nests six deep. */
export const MAX_YAML_DEPTH = 32;

/** Parses `text` (shown to users as `file`) into its data and the position of every field. */
export function indexYaml(text: string, file: string): YamlIndex {
  const lineCounter = new LineCounter();
  // Duplicate keys are found by indexDocument, in one pass: yaml's own check (uniqueKeys) compares each key
  // with every earlier one in its mapping, which took minutes on a 1 MiB file of 120,000 keys.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const [first, ...rest] = doc.errors;
  if (first)
    throw new CycleSyncError({
      code: 'YAML_SYNTAX',
      message: `YAML syntax error: ${first.message.split('\n')[0]}`,
      at: at(first.pos[0]),
      hint: 'check indentation, colons and quotes on this line or the one above',
      more: rest.slice(0, 4).map(e => `${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`),
    });
  // Vetting the keys on the walk that indexes them: a forbidden key stops the read before toJS sees it.
  const positions = indexDocument(doc, lineCounter, (problem, offset) => {
    throw new CycleSyncError({ code: 'SCHEMA', ...PROBLEMS[problem.kind](problem.key), at: at(offset ?? 0) });
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // yaml's message quotes the alias; the file may be any file, so it is told in words of our own.
    const unresolved = /^Unresolved alias/.test((e as Error).message);
    throw new CycleSyncError({
      code: 'YAML_SYNTAX',
      message: unresolved
        ? 'a YAML alias (*name) names no anchor (&name) set before it'
        : 'YAML aliases expand too far',
      at: { file },
      hint: 'a calendar never needs more than a few aliases; expand them by hand',
      cause: e,
    });
  }
  return { data, ...positions };
}

/** What indexDocument refuses, and how each is told (the key is quoted only when it is a reserved word). */
export interface YamlProblem {
  kind: 'forbidden' | 'duplicate' | 'entries' | 'depth';
  key: string;
}
const PROBLEMS: Record<YamlProblem['kind'], (key: string) => { message: string; hint: string }> = {
  forbidden: key => ({
    message: `the key "${key}" is not allowed`,
    hint: 'rename the key: __proto__, constructor and prototype are reserved',
  }),
  duplicate: () => ({
    message: 'duplicate key: a key may appear only once in a mapping',
    hint: 'remove or merge the repeated key',
  }),
  entries: () => ({
    message: `the file has over ${MAX_YAML_ENTRIES} keys and list items`,
    hint: 'a calendar or rules file needs a few hundred; check that this is the file you meant',
  }),
  depth: () => ({
    message: `mappings and lists nest over ${MAX_YAML_DEPTH} levels deep here`,
    hint: 'a calendar nests a few levels; check the indentation and brackets',
  }),
};

/**
 * The positions of `doc`'s keys and items (its data is the caller's: indexYaml converts it only after
 * vetting the keys). `onProblem` hears of a reserved or repeated key, too many entries or too deep nesting,
 * with the offset where it is written, and must throw.
 */
export function indexDocument(
  doc: Document,
  lineCounter: LineCounter,
  onProblem: (problem: YamlProblem, offset: number | undefined) => never = problem => {
    throw new Error(`${problem.kind}: ${problem.key}`);
  }
): Omit<YamlIndex, 'data'> {
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return [line, col];
  };
  const positions: Record<string, Position> = {};
  let entries = 0;
  const count = (offset: number | undefined): void => {
    if (++entries > MAX_YAML_ENTRIES) onProblem({ kind: 'entries', key: '' }, offset);
  };
  const walk = (node: unknown, prefix: string, depth: number): void => {
    const start = (node as Node | null)?.range?.[0];
    if ((isMap(node) || isSeq(node)) && depth > MAX_YAML_DEPTH) onProblem({ kind: 'depth', key: '' }, start);
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const at = (pair.key as Node).range?.[0];
        const name = String(pair.key.value);
        count(at);
        if (FORBIDDEN_KEYS.has(name)) onProblem({ kind: 'forbidden', key: name }, at);
        if (seen.has(name)) onProblem({ kind: 'duplicate', key: name }, at);
        seen.add(name);
        const key = prefix + keySeg(name);
        if (at !== undefined) positions[key] = pos(at);
        walk(pair.value, key, depth + 1);
      }
    } else if (isSeq(node))
      node.items.forEach((item, i) => {
        const key = prefix + itemSeg(i);
        const at = (item as Node | null)?.range?.[0];
        count(at);
        if (at !== undefined) positions[key] = pos(at);
        walk(item, key, depth + 1);
      });
  };
  walk(doc.contents, '', 1);
  const rootAt = (doc.contents as Node | null)?.range?.[0];
  return { root: rootAt === undefined ? null : pos(rootAt), positions };
}
