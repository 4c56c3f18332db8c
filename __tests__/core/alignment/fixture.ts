// Loads a fixture's calendars and rules through the real loaders, for the engine's tests.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { checkAlignment } from '../../../src/core/alignment/index.js';
import type { AlignmentResult, AlignmentRuleSet } from '../../../src/core/alignment/index.js';
import type { Cycle } from '../../../src/core/model/types.js';
import { BUILTIN_RULES, findRulesFile, loadAlignment } from '../../../src/io/load-alignment.js';
import { loadCalendars } from '../../../src/io/load-calendars.js';
import { ROOT } from '../../helpers/run-cli.js';

export const TODAY = Temporal.PlainDate.from('2026-11-29');
export const FIXTURES = path.join(ROOT, 'fixtures', 'alignment');

export interface Loaded {
  cycles: Cycle[];
  ruleSet: AlignmentRuleSet;
}

/** The built-in calendars and rules, or a fixture folder's `calendars/` (with its alignment.yaml, if any). */
export async function load(dir?: string): Promise<Loaded> {
  const cwd = dir ?? ROOT;
  const calendars = dir ? ['calendars'] : [];
  const cycles = await loadCalendars({ cwd, calendars });
  const rulesFile = dir ? findRulesFile(cwd, undefined, calendars) : BUILTIN_RULES;
  return { cycles, ruleSet: await loadAlignment(rulesFile, cwd) };
}

export const run = (l: Loaded, extra: Partial<Parameters<typeof checkAlignment>[0]> = {}): AlignmentResult =>
  checkAlignment({ cycles: l.cycles, rules: l.ruleSet.rules, today: TODAY, movable: l.ruleSet.movable, ...extra });

export const caseDirs = (group: string): string[] =>
  readdirSync(path.join(FIXTURES, group))
    .filter(n => !n.startsWith('.'))
    .sort();

export const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
