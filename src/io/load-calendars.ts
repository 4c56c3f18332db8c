// Loads the calendar set: the built-in cycles, replaced or extended by a planner's files (`--calendars`).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CycleSyncError } from '../errors.js';
import { mergeCalendar } from '../core/model/merge-calendars.js';
import { linkCycles } from '../core/model/link.js';
import { normalizeCycle } from '../core/model/normalize.js';
import type { Cycle } from '../core/model/types.js';
import type { CalendarSchema } from '../schema/calendar.schema.js';
import { chainLocator, inWrittenTerms, readExtendsChain } from './read-extends-chain.js';
import { BUILTIN_CYCLES, BUILTIN_DIR, NOT_CYCLES, pathKind, resolveSpec } from './resolve-spec.js';
import { validateChain } from './validate-chain.js';
import type { Format } from './validate-chain.js';

// Callers import these names from here too.
export { BUILTIN_DIR, resolveSpec, shownPath } from './resolve-spec.js';

const CALENDAR: Format<CalendarSchema> = {
  name: 'calendar',
  entries: { key: 'milestones', word: 'milestone', needs: 'a title and a kind' },
  load: async () => {
    const m = await import('../schema/calendar.schema.js');
    return { schema: m.calendarSchema, knownKeys: m.knownCalendarKeys };
  },
};

/** Reads, merges (`extends`), validates and normalizes one calendar file. */
export async function loadCalendarFile(abs: string, cwd: string): Promise<Cycle> {
  const chain = await readExtendsChain(abs, cwd, mergeCalendar);
  const data = await validateChain(chain, abs, CALENDAR);
  try {
    return normalizeCycle(
      data,
      chainLocator(chain),
      chain.inputs.map(i => i.file)
    );
  } catch (e) {
    throw inWrittenTerms(e, chain);
  }
}

/** The files that calendar specs name, a folder standing for its *.yaml files (read synchronously). */
function expandSpecs(specs: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const spec of specs) {
    const abs = resolveSpec(spec, cwd);
    if (pathKind(abs) !== 'folder') {
      files.push(abs);
      continue;
    }
    const names = readdirSync(abs)
      .filter(n => /\.ya?ml$/.test(n) && !NOT_CYCLES.has(n))
      .sort();
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
  const own = await Promise.all(expandSpecs(opts.calendars ?? [], opts.cwd).map(f => loadCalendarFile(f, opts.cwd)));
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
  const cycles = [...byId.values()];
  linkCycles(cycles);
  return cycles;
}
