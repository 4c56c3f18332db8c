// Reads a YAML input file defensively: read-input.ts's checks (a regular file, a size cap, UTF-8), then the parse
// (parse-yaml.ts: syntax errors with line and column, duplicate keys, alias bombs and prototype-polluting
// keys refused) and a `locate` that maps a field path to its line.
import { readInputText } from './read-input.js';
import { locatorsOf } from './yaml-index.js';
import type { Locators } from './yaml-index.js';

export const MAX_INPUT_BYTES = 1024 * 1024;

export interface YamlInput extends Locators {
  /** As shown to users: relative to the working folder when inside it. */
  file: string;
  data: unknown;
}

export async function readYamlFile(absPath: string, shownAs: string): Promise<YamlInput> {
  const text = readInputText(absPath, shownAs, {
    maxBytes: MAX_INPUT_BYTES,
    what: 'a calendar or rules file',
    notFoundHint: 'check the path; built-in calendars are named builtin:socta, builtin:ideal, builtin:joint',
  });
  // The parser loads only for a file that needs parsing: the built-ins come parsed (builtin-calendars.ts).
  const index = (await import('./parse-yaml.js')).indexYaml(text, shownAs);
  return { file: shownAs, data: index.data, ...locatorsOf(index, shownAs) };
}
