// The terminal table of `plan`: chronological, dates in the chosen language, marks for actual/planned/projected.
import type { Horizon, Occurrence } from '../../core/model/types.js';
import { formatDate, formatDateWithPrecision } from '../../i18n/format-date.js';
import { translator } from '../../i18n/define.js';
import { planMessages } from '../../i18n/messages/plan.js';
import type { Lang } from '../../schema/primitives.js';
import { columns, makeStyle, STATUS_MARK } from '../style.js';

type PlanKey = keyof (typeof planMessages)['en'];

export function regionName(region: string, lang: Lang): string {
  const t = translator(planMessages, lang);
  const key = `region.${region}` as PlanKey;
  return key in planMessages[lang] ? t(key) : region;
}

/** A date or window: `18 Mar 2025 13:00`, `1 Jan 2027 → 31 Dec 2027`, `March 2013`; `long` spells the month out. */
export function formatSpan(
  o: Pick<Occurrence, 'start' | 'end' | 'precision' | 'time'>,
  lang: Lang,
  style: 'medium' | 'long' = 'medium'
): string {
  if (o.precision === 'month') return formatDateWithPrecision(o.start, lang, 'month');
  const start = formatDate(o.start, lang, style);
  if (o.start.equals(o.end)) return o.time ? `${start} ${o.time}` : start;
  return `${start} → ${formatDate(o.end, lang, style)}`;
}

export function renderPlanTable(
  horizon: Horizon,
  occurrences: readonly Occurrence[],
  lang: Lang,
  color: boolean
): string {
  const t = translator(planMessages, lang);
  const s = makeStyle(color);
  const header = [
    t('col.dates'),
    t('col.region'),
    t('col.cycle'),
    t('col.instance'),
    t('col.milestone'),
    t('col.status'),
  ].map(s.bold);
  const rows = occurrences.map(o => {
    const status = `${STATUS_MARK[o.status]} ${t(`status.${o.status}`)}${o.basis === 'assumed' ? ` (${t('basis.assumed')})` : ''}`;
    const paint =
      o.status === 'actual' ? s.green : o.status === 'planned' ? s.cyan : o.basis === 'assumed' ? s.yellow : s.dim;
    return [formatSpan(o, lang), regionName(o.region, lang), o.cycle, o.instance, o.title[lang], paint(status)];
  });
  const title = s.bold(t('heading', { from: formatDate(horizon.from, lang), to: formatDate(horizon.to, lang) }));
  const body = rows.length > 0 ? columns([header, ...rows]) : [t('empty')];
  return [title, '', ...body, '', s.dim(t('legend')), ''].join('\n');
}
