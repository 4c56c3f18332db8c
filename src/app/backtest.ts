// `cyclesync backtest`: how well each rule reproduces the actual dates it is meant to place (leave-one-out),
// and which rules cannot be tested. The bands it reports are the ones every projection carries.
import { backtest as runBacktest } from '../core/model/backtest.js';
import { loadCalendars } from '../io/load-calendars.js';
import { renderBacktestJson } from '../render/backtest/json.js';
import { renderBacktest } from '../render/backtest/text.js';
import type { Lang } from '../schema/primitives.js';
import type { AppContext } from './context.js';

export interface BacktestOptions {
  calendars: readonly string[];
  format: 'text' | 'json' | 'markdown';
  lang: Lang;
}

export async function backtest(ctx: AppContext, opts: BacktestOptions): Promise<string> {
  const cycles = await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars });
  const result = runBacktest(cycles, ctx.today);
  return opts.format === 'json'
    ? renderBacktestJson(result, ctx.today)
    : renderBacktest(result, ctx.today, opts.lang, opts.format);
}
