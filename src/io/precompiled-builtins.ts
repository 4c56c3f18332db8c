// The built-in calendars, indexed and validated at build time: scripts/bundle.js writes
// dist/bundle/builtin-calendars.json next to the bundle. Parsing their ~20 KB of YAML with a cold JIT costs
// about 30 ms, and validating them with zod about 6 ms more, which is more than `check`'s own computation.
// An entry is used only when the file on disk holds exactly the text that was indexed, so an edited
// built-in, or a run from src/ or a build without the file, parses and validates the YAML as usual.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_DIR } from './resolve-spec.js';
import type { YamlIndex } from './yaml-index.js';

/** From dist/io/ and from the bundle in dist/bundle/ alike. */
export const PRECOMPILED_FILE = fileURLToPath(new URL('../bundle/builtin-calendars.json', import.meta.url));
export const PRECOMPILED_FORMAT = 2;

/** Which schema a file was validated against: the rules file's or a calendar's. */
export type SchemaName = 'alignment' | 'calendar';

/** A schema's output for a file's data, computed at build time by the same schema a run uses. */
export interface Prevalidated {
  schema: SchemaName;
  data: unknown;
}

export interface PrecompiledEntry {
  /** The text indexed. */
  text: string;
  index: YamlIndex;
  validated: Prevalidated;
}

export interface PrecompiledBuiltins {
  format: typeof PRECOMPILED_FORMAT;
  /** By file name in calendars/. */
  files: Record<string, PrecompiledEntry>;
}

let loaded: PrecompiledBuiltins['files'] | undefined;

function load(): PrecompiledBuiltins['files'] {
  try {
    const parsed = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as PrecompiledBuiltins;
    return parsed.format === PRECOMPILED_FORMAT ? parsed.files : {};
  } catch {
    return {}; // no such file (src/, or a bare tsc build) or an unreadable one: parse as usual
  }
}

const BUILTIN_FOLDER = path.resolve(BUILTIN_DIR);

/** The build-time entry of `absPath` when it is a built-in calendar whose text is still `text`. */
export function precompiledEntry(absPath: string, text: string): PrecompiledEntry | undefined {
  if (path.dirname(absPath) !== BUILTIN_FOLDER) return undefined;
  loaded ??= load();
  const name = path.basename(absPath);
  const entry = Object.hasOwn(loaded, name) ? loaded[name] : undefined;
  return entry?.text === text ? entry : undefined;
}
