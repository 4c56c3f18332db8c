// Reads a YAML input file defensively: read-input.ts's checks (a regular file, a size cap, UTF-8), then the parse
// (parse-yaml.ts: syntax errors with line and column, duplicate keys, alias bombs and prototype-polluting
// keys refused) and a `locate` that maps a field path to its line. A built-in calendar whose text matches the
// copy indexed at build time skips the parse, and the parser is not even loaded (about 30 ms of a cold
// start; see precompiled-builtins.ts).
import { readInputText } from './read-input.js';
import { precompiledEntry } from './precompiled-builtins.js';
import type { Prevalidated } from './precompiled-builtins.js';
import { locatorsOf } from './yaml-index.js';
import type { Locators } from './yaml-index.js';

export const MAX_INPUT_BYTES = 1024 * 1024;

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
  const text = readInputText(absPath, shownAs, {
    maxBytes: MAX_INPUT_BYTES,
    what: 'a calendar or rules file',
    notFoundHint: 'check the path; built-in calendars are named builtin:socta, builtin:ideal, builtin:joint',
  });
  const precompiled = precompiledEntry(absPath, text);
  // The parser loads only for a file that needs parsing (parse-yaml.ts).
  const index = precompiled?.index ?? (await import('./parse-yaml.js')).indexYaml(text, shownAs);
  const input: YamlInput = { file: shownAs, data: index.data, ...locatorsOf(index, shownAs) };
  if (precompiled) input.prevalidated = precompiled.validated;
  return input;
}
