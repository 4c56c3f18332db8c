// `cyclesync validate`: checks the definitions only — calendars (schema, references, loops) and the alignment
// rules (schema, and that every milestone and cycle they name exists) — and expands four instances of each
// cycle so that rule errors (a window ending before it starts) surface too.
import { validateRules } from '../core/alignment/index.js';
import { expandCycle, instanceEnd, instanceOrigin } from '../core/model/expand.js';
import { findRulesFile, loadAlignment } from '../io/load-alignment.js';
import { loadCalendars } from '../io/load-calendars.js';
import type { AppContext } from './context.js';

export interface ValidateOptions {
  calendars: readonly string[];
  /** `--rules FILE`; default: an alignment.yaml in a `--calendars` folder, else the built-in rules. */
  rules?: string | undefined;
}

export async function validate(ctx: Pick<AppContext, 'cwd'>, opts: ValidateOptions): Promise<string> {
  const cycles = await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars });
  const lines = cycles.map(c => {
    expandCycle(c, { from: instanceOrigin(c.firstYear), to: instanceEnd(c, c.firstYear + 3 * c.periodYears) });
    return `ok  ${c.id.padEnd(8)} ${String(c.milestones.length).padStart(2)} milestones  ${c.files.join(' ← ')}`;
  });
  const ruleSet = await loadAlignment(findRulesFile(ctx.cwd, opts.rules, opts.calendars), ctx.cwd);
  validateRules(ruleSet.rules, cycles, ruleSet.movable);
  lines.push(
    `ok  ${'rules'.padEnd(8)} ${String(ruleSet.rules.length).padStart(2)} rules       ${ruleSet.files.join(' ← ')}`
  );
  return lines.join('\n') + '\n';
}
