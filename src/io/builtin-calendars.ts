// The built-in calendars as a run reads them: from the module the build generates from calendars/*.yaml
// (builtin-calendars.generated.ts), parsed and validated there, with the line and column of every field, so
// that messages point into calendars/*.yaml as they would after a parse. A planner's own files go through the
// YAML parser (read-yaml.ts).
import path from 'node:path';
import { BUILTIN_FILES } from './builtin-calendars.generated.js';
import type { BuiltinFile } from './builtin-calendars.generated.js';
import type { YamlInput } from './read-yaml.js';
import { BUILTIN_DIR } from './resolve-spec.js';
import { locatorsOf } from './yaml-index.js';

export interface BuiltinInput extends YamlInput {
  /** The format the generator validated the file against. */
  validatedAs: BuiltinFile['format'];
}

const BUILTIN_FOLDER = path.resolve(BUILTIN_DIR);

/** The built-in file at `abs` (a path into calendars/, as `builtin:ideal` resolves), or undefined for any other. */
export function readBuiltin(abs: string, shownAs: string): BuiltinInput | undefined {
  if (path.dirname(abs) !== BUILTIN_FOLDER) return undefined;
  const name = path.basename(abs);
  const builtin = Object.hasOwn(BUILTIN_FILES, name) ? BUILTIN_FILES[name] : undefined;
  if (!builtin) return undefined;
  return { file: shownAs, data: builtin.data, ...locatorsOf(builtin, shownAs), validatedAs: builtin.format };
}
