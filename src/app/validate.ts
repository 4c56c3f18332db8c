// `cyclesync validate`: checks the definitions only (schema, references, loops), and expands one horizon
// around each cycle's first instance so that rule errors (a window ending before it starts) surface too.
import { expandCycle, instanceEnd, instanceOrigin } from '../core/model/expand.js';
import { loadCalendars } from '../io/load-calendars.js';
import type { AppContext } from './context.js';

export interface ValidateOptions {
  calendars: readonly string[];
}

export async function validate(ctx: Pick<AppContext, 'cwd'>, opts: ValidateOptions): Promise<string> {
  const cycles = await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars });
  const lines = cycles.map(c => {
    const y = c.firstYear + 3 * c.periodYears;
    expandCycle(c, { from: instanceOrigin(c.firstYear), to: instanceEnd(c, y) });
    return `ok  ${c.id.padEnd(8)} ${String(c.milestones.length).padStart(2)} milestones  ${c.files.join(' ← ')}`;
  });
  return lines.join('\n') + '\n';
}
