// Loads the calendar set: the built-in cycles, replaced or extended by a planner's files (`--calendars`).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CycleSyncError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { mergeCalendar } from '../core/model/merge-calendars.js';
import type { EntryOrigin } from '../core/model/merge-calendars.js';
import { normalizeCycle } from '../core/model/normalize.js';
import type { Cycle } from '../core/model/types.js';
import { calendarSchema, knownCalendarKeys } from '../schema/calendar.schema.js';
import { readYamlFile } from './read-yaml.js';
import type { YamlInput } from './read-yaml.js';
import { schemaError } from './schema-errors.js';

/** The folder of shipped calendars, found from this module (works from src/ under jest and from dist/). */
export const BUILTIN_DIR = fileURLToPath(new URL('../../calendars/', import.meta.url));
export const BUILTIN_CYCLES = ['socta', 'ideal', 'joint'] as const;
/** Files in a calendars folder that hold something other than a cycle. */
const NOT_CYCLES = new Set(['alignment.yaml', 'alignment.yml']);

export const shownPath = (cwd: string, abs: string): string => {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
};

export function resolveSpec(spec: string, relativeTo: string): string {
  if (spec.startsWith('builtin:')) {
    const id = spec.slice('builtin:'.length);
    if (!(BUILTIN_CYCLES as readonly string[]).includes(id) && id !== 'alignment')
      throw new CycleSyncError({
        code: 'FILE_NOT_FOUND',
        message: `unknown built-in calendar "${spec}"`,
        expected: BUILTIN_CYCLES.map(c => `builtin:${c}`).join(', '),
        hint: 'use one of the built-in names, or a path to a file',
      });
    return path.join(BUILTIN_DIR, `${id}.yaml`);
  }
  return path.resolve(relativeTo, spec);
}

interface Chain {
  data: unknown;
  /** Most derived first. */
  inputs: YamlInput[];
  /** Where a path of the merged data was written, following merged list entries back to their file. */
  locateExact: (path: readonly (string | number)[]) => SourceLocation | undefined;
}

async function readChain(abs: string, cwd: string, seen: string[]): Promise<Chain> {
  const input = await readYamlFile(abs, shownPath(cwd, abs));
  const parentSpec =
    typeof input.data === 'object' && input.data !== null
      ? (input.data as Record<string, unknown>)['extends']
      : undefined;
  if (parentSpec === undefined) return { data: input.data, inputs: [input], locateExact: input.locateExact };
  if (typeof parentSpec !== 'string')
    throw new CycleSyncError({
      code: 'SCHEMA',
      message: '`extends` must be a string',
      at: input.locate(['extends']) ?? { file: input.file },
      path: 'extends',
      expected: '"builtin:ideal" or a relative path',
    });
  const parentAbs = resolveSpec(parentSpec, path.dirname(abs));
  if (seen.includes(parentAbs) || parentAbs === abs)
    throw new CycleSyncError({
      code: 'REFERENCE_LOOP',
      message: `\`extends\` loop: ${[...seen, abs, parentAbs].map(p => shownPath(cwd, p)).join(' → ')}`,
      at: input.locate(['extends']) ?? { file: input.file },
      path: 'extends',
      hint: 'a calendar cannot extend itself, directly or through others',
    });
  const parent = await readChain(parentAbs, cwd, [...seen, abs]);
  const origins = new Map<string, EntryOrigin>();
  const data = mergeCalendar(parent.data, input.data, (p, origin) => origins.set(p.join('\u0000'), origin));
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

/** Reads, merges (`extends`), validates and normalizes one calendar file. */
export async function loadCalendarFile(abs: string, cwd: string): Promise<Cycle> {
  const chain = await readChain(abs, cwd, []);
  const [own] = chain.inputs;
  const locate = (p: readonly (string | number)[]): SourceLocation | undefined =>
    chain.locateExact(p) ?? own?.locate(p);
  const parsed = calendarSchema.safeParse(chain.data);
  if (!parsed.success) throw schemaError(own?.file ?? abs, parsed.error.issues, locate, knownCalendarKeys, chain.data);
  return normalizeCycle(
    parsed.data,
    locate,
    chain.inputs.map(i => i.file)
  );
}

async function expandSpecs(specs: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const spec of specs) {
    const abs = resolveSpec(spec, cwd);
    const isDir = await stat(abs).then(
      s => s.isDirectory(),
      () => false
    );
    if (!isDir) {
      files.push(abs);
      continue;
    }
    const names = (await readdir(abs)).filter(n => /\.ya?ml$/.test(n) && !NOT_CYCLES.has(n)).sort();
    files.push(...names.map(n => path.join(abs, n)));
  }
  return files;
}

/**
 * The calendar set: every built-in cycle, each replaced by a planner's cycle of the same id, plus the
 * planner's new cycles, in that order.
 */
export async function loadCalendars(opts: { cwd: string; calendars?: readonly string[] }): Promise<Cycle[]> {
  const builtins = await Promise.all(
    BUILTIN_CYCLES.map(id => loadCalendarFile(path.join(BUILTIN_DIR, `${id}.yaml`), opts.cwd))
  );
  const own = await Promise.all(
    (await expandSpecs(opts.calendars ?? [], opts.cwd)).map(f => loadCalendarFile(f, opts.cwd))
  );
  const byId = new Map(builtins.map(c => [c.id, c]));
  const seen = new Map<string, string>();
  for (const c of own) {
    const prior = seen.get(c.id);
    if (prior)
      throw new CycleSyncError({
        code: 'SCHEMA',
        message: `two calendar files define the cycle "${c.id}": ${prior} and ${c.files[0]}`,
        at: c.at ?? { file: c.files[0] ?? '' },
        path: 'id',
        hint: 'give one of them another id, or pass only one',
      });
    seen.set(c.id, c.files[0] ?? '');
    byId.set(c.id, c);
  }
  return [...byId.values()];
}
