// `cyclesync plan`: load → expand (every projection with its back-tested band) → render.
import type { Temporal } from 'temporal-polyfill';
import { expandBacktested } from '../core/model/backtest.js';
import { resolveHorizon } from '../core/model/horizon.js';
import { loadCalendars } from '../io/load-calendars.js';
import { renderPlanCsv } from '../render/plan/csv.js';
import { renderPlanJson } from '../render/plan/json.js';
import { renderPlanTable } from '../render/plan/table.js';
import type { Lang } from '../schema/primitives.js';
import type { AppContext } from './context.js';
import { referenceCycle, selectCycles } from './select-cycles.js';

export interface PlanOptions {
  calendars: readonly string[];
  cycles: readonly string[];
  from: Temporal.PlainDate | undefined;
  to: Temporal.PlainDate | undefined;
  format: 'table' | 'json' | 'csv';
  lang: Lang;
  color: boolean;
  /** The terminal's width in columns, when the table goes to a terminal: the table wraps to fit it. */
  width?: number | undefined;
}

export async function plan(ctx: AppContext, opts: PlanOptions): Promise<string> {
  const all = await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars });
  const shown = new Set(selectCycles(all, opts.cycles).map(c => c.id));
  const horizon = resolveHorizon(referenceCycle(all), ctx.today, opts.from, opts.to);
  // Every cycle is expanded: a shown one may be placed from another (IDEAL follows SOCTA).
  const occurrences = expandBacktested(all, ctx.today)
    .overlapping(horizon)
    .filter(o => shown.has(o.cycle));
  if (opts.format === 'json') return renderPlanJson(horizon, occurrences, opts.lang);
  if (opts.format === 'csv') return renderPlanCsv(occurrences, opts.lang);
  return renderPlanTable(horizon, occurrences, opts.lang, opts.color, opts.width);
}
