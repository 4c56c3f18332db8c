// `cyclesync validate`: checks the definitions only — calendars (schema, references, loops, eras, `since`),
// the alignment rules (schema, and that every milestone and cycle they name exists) — and expands the first
// instances of each cycle so that rule errors (a window ending before it starts) surface too. It warns, without
// failing, about what is valid but misleading: a history entry not known yet as of today, and a `pattern` rule
// with fewer than two past dates to back it.
import type { Temporal } from 'temporal-polyfill';
import { validateRules } from '../core/alignment/index.js';
import { backtest } from '../core/model/backtest.js';
import { expandCalendar } from '../core/model/expand.js';
import { instancesBetween } from '../core/model/instances.js';
import { isKnown } from '../core/model/records.js';
import type { Cycle } from '../core/model/types.js';
import { formatLocation } from '../errors.js';
import { escapeTerminalLines } from '../plain-text.js';
import { findRulesFile, loadAlignment } from '../io/load-alignment.js';
import { loadCalendars } from '../io/load-calendars.js';
import type { AppContext } from './context.js';

export interface ValidateOptions {
  calendars: readonly string[];
  /** `--rules FILE`; default: an alignment.yaml in a `--calendars` folder, else the built-in rules. */
  rules?: string | undefined;
}

/** Valid but misleading: one line each, `file:line: warning: …`. */
function warnings(cycles: readonly Cycle[], today: Temporal.PlainDate): string[] {
  const where = (at: { file: string; line?: number } | undefined): string => (at ? `${formatLocation(at)}: ` : '');
  const out: string[] = [];
  for (const c of cycles)
    for (const m of c.milestones)
      for (const e of m.history)
        if (!isKnown(e, today))
          out.push(
            `${where(e.at)}warning: ${m.id} ${e.start.toString()} is in history but not known yet as of ${today.toString()}, so it is ignored` +
              `\n  hint:     move it under \`planned:\`, or mark it \`announced: true\` (with \`reported:\`) if a source announced it`
          );
  for (const u of backtest(cycles, today).untestable) {
    if (u.basis !== 'pattern') continue;
    const def = cycles.flatMap(c => c.milestones).find(m => m.id === u.milestone);
    out.push(
      `${where(def?.at)}warning: ${u.milestone} is a \`pattern\` rule with ${u.points} day-precise past date(s) to back it; a pattern needs two or more` +
        `\n  hint:     add its past dates under \`history:\`, or say \`basis: assumed\``
    );
  }
  return out;
}

export async function validate(ctx: AppContext, opts: ValidateOptions): Promise<string> {
  const cycles = await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars });
  const expansion = expandCalendar(cycles, { today: ctx.today });
  const lines = cycles.map(c => {
    for (const span of instancesBetween(c, c.eras[0]!.from, c.eras[0]!.from + 12)) expansion.instance(c.id, span.year);
    return `ok  ${c.id.padEnd(8)} ${String(c.milestones.length).padStart(2)} milestones  ${c.files.join(' ← ')}`;
  });
  const ruleSet = await loadAlignment(findRulesFile(ctx.cwd, opts.rules, opts.calendars), ctx.cwd);
  validateRules(ruleSet.rules, cycles, ruleSet.movable);
  lines.push(
    `ok  ${'rules'.padEnd(8)} ${String(ruleSet.rules.length).padStart(2)} rules       ${ruleSet.files.join(' ← ')}`
  );
  // Files are named as the user gave them.
  return escapeTerminalLines([...lines, ...warnings(cycles, ctx.today)].join('\n')) + '\n';
}
