// `cyclesync plan`: load → expand → render.
import type { Temporal } from 'temporal-polyfill';
import { expandCycle, sortOccurrences } from '../core/model/expand.js';
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
}

export async function plan(ctx: AppContext, opts: PlanOptions): Promise<string> {
  const all = await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars });
  const cycles = selectCycles(all, opts.cycles);
  const horizon = resolveHorizon(referenceCycle(all), ctx.today, opts.from, opts.to);
  const occurrences = sortOccurrences(cycles.flatMap(c => expandCycle(c, horizon)));
  if (opts.format === 'json') return renderPlanJson(horizon, occurrences, opts.lang);
  if (opts.format === 'csv') return renderPlanCsv(occurrences, opts.lang);
  return renderPlanTable(horizon, occurrences, opts.lang, opts.color);
}
