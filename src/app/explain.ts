// `cyclesync explain <milestone-id>`: why each occurrence falls where it does.
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../errors.js';
import { knownHint } from '../core/did-you-mean.js';
import { backtest, bandsOf } from '../core/model/backtest.js';
import { expandCalendar } from '../core/model/expand.js';
import { resolveHorizon } from '../core/model/horizon.js';
import { loadCalendars } from '../io/load-calendars.js';
import { renderExplain } from '../render/explain.js';
import type { Lang } from '../schema/primitives.js';
import type { AppContext } from './context.js';
import { referenceCycle } from './select-cycles.js';

export interface ExplainOptions {
  id: string;
  /** `--instance`: the first year of the one instance to explain. */
  instance: number | undefined;
  calendars: readonly string[];
  lang: Lang;
}

export async function explain(ctx: AppContext, opts: ExplainOptions): Promise<string> {
  const cycles = await loadCalendars({ cwd: ctx.cwd, calendars: opts.calendars });
  const [cycleId, key] = opts.id.split('.', 2);
  const cycle = cycles.find(c => c.id === cycleId);
  const def = cycle?.milestones.find(m => m.key === key);
  if (!cycle || !def) {
    const known = cycles.flatMap(c => c.milestones.map(m => m.id));
    throw new CycleSyncError({
      code: 'USAGE',
      message: `unknown milestone "${opts.id}"`,
      expected: 'an id as <cycle>.<key>, e.g. socta.publication',
      hint: knownHint(opts.id, known, 'ids'),
    });
  }
  const instanceYear = opts.instance;
  const horizon =
    instanceYear === undefined
      ? resolveHorizon(referenceCycle(cycles), ctx.today, undefined, undefined)
      : {
          from: new Temporal.PlainDate(instanceYear - 12, 1, 1),
          to: new Temporal.PlainDate(instanceYear + 12, 12, 31),
        };
  const tested = backtest(cycles, ctx.today);
  const occurrences = expandCalendar(cycles, { today: ctx.today, bands: bandsOf(tested) })
    .overlapping(horizon)
    .filter(o => o.id === def.id && (instanceYear === undefined || o.instanceYear === instanceYear));
  const where =
    instanceYear === undefined ? `${horizon.from.toString()} … ${horizon.to.toString()}` : String(instanceYear);
  return renderExplain(def, occurrences, tested, opts.lang, where);
}
