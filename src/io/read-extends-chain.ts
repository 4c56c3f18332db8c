// Reads a YAML file and the chain of files it `extends` (a `builtin:` name or a path relative to it),
// merging each child over its parent. Shared by calendars and alignment rules. Errors in the merged data map
// back to the line of the file that wrote the value, through merged list entries too.
import path from 'node:path';
import { CycleSyncError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import type { OnEntry, EntryOrigin } from '../core/model/merge-calendars.js';
import { readBuiltin } from './builtin-calendars.js';
import type { BuiltinInput } from './builtin-calendars.js';
import { readYamlFile } from './read-yaml.js';
import type { YamlInput } from './read-yaml.js';
import { resolveSpec, shownPath } from './resolve-spec.js';

export interface ExtendsChain {
  data: unknown;
  /** Most derived first. */
  inputs: (YamlInput | BuiltinInput)[];
  /** Where a path of the merged data was written, following merged list entries back to their file. */
  locateExact: (path: readonly (string | number)[]) => SourceLocation | undefined;
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
  if (parentSpec === undefined) return { data: input.data, inputs: [input], locateExact: input.locateExact };
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
  const parentAbs = resolveSpec(parentSpec, path.dirname(abs));
  if (seen.includes(parentAbs) || parentAbs === abs)
    throw new CycleSyncError({
      code: 'REFERENCE_LOOP',
      message: `\`extends\` loop: ${[...seen, abs, parentAbs].map(p => shownPath(cwd, p)).join(' → ')}`,
      at,
      path: 'extends',
      hint: 'a file cannot extend itself, directly or through others',
    });
  const parent = await readExtendsChain(parentAbs, cwd, merge, [...seen, abs]);
  const origins = new Map<string, EntryOrigin>();
  const data = merge(parent.data, input.data, (p, origin) => origins.set(p.join('\u0000'), origin));
  const locateExact = (p: readonly (string | number)[]): SourceLocation | undefined => {
    // A path through a merged list: rewrite the index to the one in the file the entry came from.
    for (let i = p.length; i > 0; i--) {
      const origin = origins.get(p.slice(0, i).join('\u0000'));
      if (!origin) continue;
      const rewritten = [...p.slice(0, i - 1), origin.index, ...p.slice(i)];
      return origin.from === 'child'
        ? (input.locateExact(rewritten) ?? input.locate(rewritten))
        : parent.locateExact(rewritten);
    }
    return input.locateExact(p) ?? parent.locateExact(p);
  };
  return { data, inputs: [input, ...parent.inputs], locateExact };
}

/** The locator for error messages: exact where the path exists in some file, else the deepest part in the child. */
export const chainLocator =
  (chain: ExtendsChain) =>
  (p: readonly (string | number)[]): SourceLocation | undefined =>
    chain.locateExact(p) ?? chain.inputs[0]?.locate(p);
