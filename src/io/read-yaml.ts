// Reads a YAML input file defensively: size cap, syntax errors with line and column, duplicate keys,
// alias bombs and prototype-polluting keys refused, and a `locate` that maps a field path to its line.
// A built-in calendar whose text matches the copy indexed at build time skips the parse (about 30 ms of a
// cold start; see precompiled-builtins.ts).
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { CycleSyncError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { precompiledEntry } from './precompiled-builtins.js';
import type { Prevalidated } from './precompiled-builtins.js';
import { indexDocument, locatorsOf } from './yaml-index.js';
import type { Locators, YamlIndex } from './yaml-index.js';

export const MAX_INPUT_BYTES = 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlInput extends Locators {
  /** As shown to users: relative to the working folder when inside it. */
  file: string;
  data: unknown;
  /** For an unchanged built-in: its data as validated at build time (precompiled-builtins.ts). */
  prevalidated?: Prevalidated;
}

// Synchronous reads: a run reads a handful of files of at most 1 MiB before it can do anything else, and
// each asynchronous read is several round trips to libuv's thread pool (about 2 ms of `check`'s start-up).
export async function readYamlFile(absPath: string, shownAs: string): Promise<YamlInput> {
  let size: number;
  try {
    const s = statSync(absPath);
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
  const text = readFileSync(absPath, 'utf8');
  const precompiled = precompiledEntry(absPath, text);
  const index = precompiled?.index ?? indexYaml(text, shownAs);
  const input: YamlInput = { file: shownAs, data: index.data, ...locatorsOf(index, shownAs) };
  if (precompiled) input.prevalidated = precompiled.validated;
  return input;
}

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
