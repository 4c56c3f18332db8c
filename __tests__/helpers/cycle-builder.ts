// Builds normalized cycles from small YAML snippets, through the real schema and normalizer.
import { Temporal } from 'temporal-polyfill';
import { parse } from 'yaml';
import { expandCalendar } from '../../src/core/model/expand.js';
import { linkCycles } from '../../src/core/model/link.js';
import { normalizeCycle } from '../../src/core/model/normalize.js';
import type { Cycle, Horizon, Occurrence } from '../../src/core/model/types.js';
import { calendarSchema } from '../../src/schema/calendar.schema.js';

const HEADER = `
id: test
name: { en: Test, es: Prueba, pt: Teste }
region: eu
zone: Europe/Brussels
`;

/** A cycle with the given `period`/`firstYear`/`holidays`/`milestones` YAML (indented as top-level keys). */
export function aCycle(body: string, opts: { period?: string; firstYear?: number } = {}): Cycle {
  const text = `${HEADER}period: ${opts.period ?? 'P4Y'}\nfirstYear: ${opts.firstYear ?? 2026}\n${body}`;
  const parsed = calendarSchema.parse(parse(text));
  const cycle = normalizeCycle(parsed, () => undefined, ['test.yaml']);
  linkCycles([cycle]);
  return cycle;
}

/** One milestone `key` with the given rule lines (YAML under the milestone); a rule gets `basis: assumed`. */
export const aMilestone = (key: string, lines: string, kind: 'point' | 'window' = 'point'): string => {
  const ruled = /^\s*(date|start|end):/m.test(lines);
  const body = lines
    .trim()
    .split('\n')
    .map(l => `    ${l.trim()}`)
    .join('\n');
  return `  ${key}:\n    title: { en: ${key}, es: ${key}, pt: ${key} }\n    kind: ${kind}\n${ruled ? '    basis: assumed\n    source: test\n' : ''}${body}\n`;
};

/** The day the model tests see as today, unless they say otherwise: after every record they write. */
export const TEST_TODAY = Temporal.PlainDate.from('2026-12-01');

/** Every occurrence placed in one instance of one cycle (expanded on its own), by start. */
export const expandInstance = (cycle: Cycle, year: number, today = TEST_TODAY): readonly Occurrence[] =>
  expandCalendar([cycle], { today }).instance(cycle.id, year);

/** Every occurrence of the cycles that overlaps the horizon, by start then id. */
export const expandCycles = (cycles: readonly Cycle[], horizon: Horizon, today = TEST_TODAY): Occurrence[] =>
  expandCalendar(cycles, { today }).overlapping(horizon);
