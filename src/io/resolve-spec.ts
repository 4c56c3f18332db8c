// Names of input files: built-in calendars (`builtin:ideal`), paths relative to a file, what a path names, and
// how a path is shown to users (relative to the working folder when inside it).
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closestKnown } from '../core/did-you-mean.js';
import { CycleSyncError } from '../errors.js';

/** The folder of shipped calendars, found from this module (works from src/ under jest and from dist/). */
export const BUILTIN_DIR = fileURLToPath(new URL('../../calendars/', import.meta.url));
export const BUILTIN_CYCLES = ['socta', 'ideal', 'joint'] as const;
/** The alignment rules file of a calendars folder, by the names it may have (in the order looked for). */
export const RULES_FILE_NAMES = ['alignment.yaml', 'alignment.yml'] as const;
/** Files in a calendars folder that hold something other than a cycle. */
export const NOT_CYCLES: ReadonlySet<string> = new Set(RULES_FILE_NAMES);

/** Whether `abs` is a file, a folder, or neither (missing or unreadable). Synchronous, like read-yaml.ts. */
export function pathKind(abs: string): 'file' | 'folder' | undefined {
  try {
    const s = statSync(abs);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : undefined;
  } catch {
    return undefined;
  }
}

export const shownPath = (cwd: string, abs: string): string => {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
};

/**
 * Whether a shown path lies where the planner's repository cannot hold it: outside the working folder, or in
 * node_modules (the built-in calendars of an installed cyclesync). A code host cannot annotate such a file.
 */
export const isOutsideRepo = (shown: string): boolean =>
  path.isAbsolute(shown) || shown.split('/').includes('node_modules');

/** Every built-in file by the name a spec gives it: the calendars, then the alignment rules. */
const BUILTIN_NAMES = [...BUILTIN_CYCLES, 'alignment'].map(id => `builtin:${id}`);

export function resolveSpec(spec: string, relativeTo: string): string {
  if (spec.startsWith('builtin:')) {
    if (!BUILTIN_NAMES.includes(spec)) {
      const guess = closestKnown(spec, BUILTIN_NAMES, 2);
      throw new CycleSyncError({
        code: 'FILE_NOT_FOUND',
        message: `unknown built-in calendar "${spec}"`,
        expected: `${BUILTIN_NAMES.slice(0, -1).join(', ')}, or ${BUILTIN_NAMES.at(-1)!} for rules`,
        hint: guess ? `did you mean "${guess}"?` : 'use one of the built-in names, or a path to a file',
      });
    }
    return path.join(BUILTIN_DIR, `${spec.slice('builtin:'.length)}.yaml`);
  }
  return path.resolve(relativeTo, spec);
}

/**
 * How a calendar or rules file is named in what cyclesync publishes (feeds): `builtin:<name>` for a shipped
 * file, else its path from the calendars folder it sits in (the first `--calendars` folder, or the folder of the
 * first `--calendars` file), else its base name. Never a path of this machine, and the same from any working
 * folder, so the same inputs give the same bytes.
 */
export function publishedName(abs: string, calendars: readonly string[], cwd: string): string {
  if (path.dirname(abs) === path.resolve(BUILTIN_DIR)) return `builtin:${path.basename(abs).replace(/\.ya?ml$/, '')}`;
  const first = calendars.find(spec => !spec.startsWith('builtin:'));
  if (first !== undefined) {
    const spec = path.resolve(cwd, first);
    const folder = pathKind(spec) === 'folder' ? spec : path.dirname(spec);
    const rel = path.relative(folder, abs);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return path.basename(abs);
}
