// Reads a YAML file and the chain of files it `extends` (a `builtin:` name or a path relative to it),
// merging each child over its parent. Shared by calendars and alignment rules. Errors in the merged data map
// back to the line of the file that wrote the value, through merged list entries too.
import path from 'node:path';
import { CycleSyncError, isCycleSyncError, revise } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import type { OnEntry, EntryOrigin } from '../core/model/merge-calendars.js';
import { readBuiltin } from './builtin-calendars.js';
import type { BuiltinInput } from './builtin-calendars.js';
import { readYamlFile } from './read-yaml.js';
import type { YamlInput } from './read-yaml.js';
import { resolveSpec, shownPath } from './resolve-spec.js';

type Path = readonly (string | number)[];

/** Where a path of the merged data was written: the file's line, and the path as that file writes it. */
interface Written {
  at: SourceLocation | undefined;
  /** List indexes counted as the file writing the entry counts them (`holidays.0`, not the merged `holidays.5`). */
  path: Path;
}

export interface ExtendsChain {
  data: unknown;
  /** Most derived first. */
  inputs: (YamlInput | BuiltinInput)[];
  /** Where a path of the merged data was written, following merged list entries back to their file. */
  trace: (path: Path) => Written;
}

export type Merge = (parent: unknown, child: unknown, onEntry: OnEntry) => unknown;

/** Files in one chain, the first included: a planner's file over a built-in is two; nobody needs sixteen. */
export const MAX_EXTENDS_DEPTH = 16;

export async function readExtendsChain(
  abs: string,
  cwd: string,
  merge: Merge,
  seen: string[] = []
): Promise<ExtendsChain> {
  const shown = shownPath(cwd, abs);
  const input = readBuiltin(abs, shown) ?? (await readYamlFile(abs, shown));
  const parentSpec =
    typeof input.data === 'object' && input.data !== null
      ? (input.data as Record<string, unknown>)['extends']
      : undefined;
  if (parentSpec === undefined)
    return { data: input.data, inputs: [input], trace: p => ({ at: input.locateExact(p), path: p }) };
  const at = input.locate(['extends']) ?? { file: input.file };
  if (typeof parentSpec !== 'string')
    throw new CycleSyncError({
      code: 'SCHEMA',
      message: '`extends` must be a string',
      at,
      path: 'extends',
      expected: '"builtin:<name>" or a path relative to this file',
    });
  if (seen.length + 1 >= MAX_EXTENDS_DEPTH)
    throw new CycleSyncError({
      code: 'REFERENCE',
      message: `\`extends\` chain over ${MAX_EXTENDS_DEPTH} files long`,
      at,
      path: 'extends',
      hint: 'extend a built-in calendar or one file of your own, not a long chain',
    });
  let parentAbs: string;
  try {
    parentAbs = resolveSpec(parentSpec, path.dirname(abs));
  } catch (e) {
    throw atExtendsLine(e, at, undefined);
  }
  if (seen.includes(parentAbs) || parentAbs === abs)
    throw new CycleSyncError({
      code: 'REFERENCE_LOOP',
      message: `\`extends\` loop: ${[...seen, abs, parentAbs].map(p => shownPath(cwd, p)).join(' → ')}`,
      at,
      path: 'extends',
      hint: 'a file cannot extend itself, directly or through others',
    });
  const parent = await readExtendsChain(parentAbs, cwd, merge, [...seen, abs]).catch((e: unknown) => {
    throw atExtendsLine(e, at, shownPath(cwd, parentAbs));
  });
  const origins = new Map<string, EntryOrigin>();
  const data = merge(parent.data, input.data, (p, origin) => origins.set(p.join('\u0000'), origin));
  const trace = (p: Path): Written => {
    // A path through a merged list: rewrite the index to the one in the file the entry came from.
    for (let i = p.length; i > 0; i--) {
      const origin = origins.get(p.slice(0, i).join('\u0000'));
      if (!origin) continue;
      const rewritten = [...p.slice(0, i - 1), origin.index, ...p.slice(i)];
      return origin.from === 'child'
        ? { at: input.locateExact(rewritten) ?? input.locate(rewritten), path: rewritten }
        : parent.trace(rewritten);
    }
    const own = input.locateExact(p);
    return own ? { at: own, path: p } : parent.trace(p);
  };
  return { data, inputs: [input, ...parent.inputs], trace };
}

const WHOLE_FILE_ERRORS: ReadonlySet<string> = new Set(['FILE_NOT_FOUND', 'FILE_UNREADABLE', 'FILE_TOO_LARGE']);

/**
 * An error about the file an `extends` names as a whole (an unknown built-in, a missing, unreadable or oversized
 * file), told at the `extends:` line that names it: that is the line to fix. Errors inside the parent file, or
 * further up its chain, keep their own place.
 */
function atExtendsLine(e: unknown, at: SourceLocation, parentShown: string | undefined): unknown {
  if (!isCycleSyncError(e) || !WHOLE_FILE_ERRORS.has(e.code) || e.at?.line !== undefined) return e;
  if (e.at !== undefined && e.at.file !== parentShown) return e;
  return revise(e, {
    at,
    path: 'extends',
    hint:
      e.code === 'FILE_NOT_FOUND' && parentShown !== undefined
        ? 'a path in `extends` is relative to the file that holds it; the built-in files are builtin:socta, builtin:ideal, builtin:joint and, for rules, builtin:alignment'
        : (e.hint ?? 'name a calendar file, or a built-in one'),
  });
}

/** The locator for error messages: exact where the path exists in some file, else the deepest part in the child. */
export const chainLocator =
  (chain: ExtendsChain) =>
  (p: Path): SourceLocation | undefined =>
    chain.trace(p).at ?? chain.inputs[0]?.locate(p);

/** A path of the merged data as the file that wrote it counts its list entries, for error messages. */
export const writtenPath = (chain: ExtendsChain, p: Path): string => chain.trace(p).path.join('.');

/**
 * An error raised on the merged data (normalizing it: references, bounds, records), its field path told as the
 * file that wrote the field counts list entries. Paths are dotted keys and indexes; keys here are never numbers.
 */
export function inWrittenTerms(e: unknown, chain: ExtendsChain): unknown {
  if (!isCycleSyncError(e) || !e.path) return e;
  const merged = e.path.split('.').map(seg => (/^\d+$/.test(seg) ? Number(seg) : seg));
  const path = writtenPath(chain, merged);
  return path === e.path ? e : revise(e, { path });
}
