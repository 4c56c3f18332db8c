// Builds normalized cycles from small YAML snippets, through the real schema and normalizer.
import { parse } from 'yaml';
import { normalizeCycle } from '../../src/core/model/normalize.js';
import type { Cycle } from '../../src/core/model/types.js';
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
  return normalizeCycle(parsed, () => undefined, ['test.yaml']);
}

/** One milestone `key` with the given rule lines (YAML under the milestone). */
export const aMilestone = (key: string, lines: string, kind: 'point' | 'window' = 'point'): string =>
  `  ${key}:\n    title: { en: ${key}, es: ${key}, pt: ${key} }\n    kind: ${kind}\n    basis: assumed\n    source: test\n${lines
    .trim()
    .split('\n')
    .map(l => `    ${l.trim()}`)
    .join('\n')}\n`;
