// Reads a YAML input file defensively: a folder or a missing file named, a size cap, then the parse
// (parse-yaml.ts: syntax errors with line and column, duplicate keys, alias bombs and prototype-polluting
// keys refused) and a `locate` that maps a field path to its line.
import { readFileSync, statSync } from 'node:fs';
import { CycleSyncError } from '../errors.js';
import { locatorsOf } from './yaml-index.js';
import type { Locators } from './yaml-index.js';

export const MAX_INPUT_BYTES = 1024 * 1024;

export interface YamlInput extends Locators {
  /** As shown to users: relative to the working folder when inside it. */
  file: string;
  data: unknown;
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
  // The parser loads only for a file that needs parsing: the built-ins come parsed (builtin-calendars.ts).
  const index = (await import('./parse-yaml.js')).indexYaml(text, shownAs);
  return { file: shownAs, data: index.data, ...locatorsOf(index, shownAs) };
}
