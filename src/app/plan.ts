// `cyclesync plan`: load → expand (every projection with its back-tested band) → render. `planOccurrences`
// is the part the programmatic API shares.
import type { Temporal } from 'temporal-polyfill';
import { expandBacktested } from '../core/model/backtest.js';
import { resolveHorizon } from '../core/model/horizon.js';
import type { Cycle, Horizon, Occurrence } from '../core/model/types.js';
import { loadCalendars } from '../io/load-calendars.js';
import { renderPlanCsv } from '../render/plan/csv.js';
import { renderPlanJson } from '../render/plan/json.js';
import { renderPlanTable } from '../render/plan/table.js';
import type { Lang } from '../schema/primitives.js';
import type { AppContext } from './context.js';
import { referenceCycle, selectCycles } from './select-cycles.js';

export interface PlanQuery {
  calendars: readonly string[];
  /** The cycles of `calendars` when the caller has loaded them already, so they are not read again. */
  loaded?: readonly Cycle[] | undefined;
  cycles: readonly string[];
  from: Temporal.PlainDate | undefined;
  to: Temporal.PlainDate | undefined;
}

export interface PlanOptions extends PlanQuery {
  format: 'table' | 'json' | 'csv';
  lang: Lang;
  color: boolean;
  /** The terminal's width in columns, when the table goes to a terminal: the table wraps to fit it. */
  width?: number | undefined;
}

export async function planOccurrences(
  ctx: AppContext,
  q: PlanQuery
): Promise<{ horizon: Horizon; occurrences: Occurrence[] }> {
  const all = q.loaded ?? (await loadCalendars({ cwd: ctx.cwd, calendars: q.calendars }));
  const shown = new Set(selectCycles(all, q.cycles).map(c => c.id));
  const horizon = resolveHorizon(referenceCycle(all), ctx.today, q.from, q.to);
  // Every cycle is expanded: a shown one may be placed from another (IDEAL follows SOCTA).
  const occurrences = expandBacktested(all, ctx.today)
    .overlapping(horizon)
    .filter(o => shown.has(o.cycle));
  return { horizon, occurrences };
}

export async function plan(ctx: AppContext, opts: PlanOptions): Promise<string> {
  const { horizon, occurrences } = await planOccurrences(ctx, opts);
  if (opts.format === 'json') return renderPlanJson(horizon, occurrences, opts.lang);
  if (opts.format === 'csv') return renderPlanCsv(occurrences, opts.lang);
  return renderPlanTable(horizon, occurrences, opts.lang, opts.color, opts.width);
}
