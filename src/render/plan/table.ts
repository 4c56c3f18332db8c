// The terminal table of `plan`: chronological, dates in the chosen language, and for each date how it is
// known: actual, planned, projected (with its rule's basis and back-tested error) or a slot with no record.
import { Temporal } from 'temporal-polyfill';
import type { Horizon, Occurrence } from '../../core/model/types.js';
import { formatDate, formatDateWithPrecision } from '../../i18n/format-date.js';
import { translator } from '../../i18n/define.js';
import { planMessages } from '../../i18n/messages/plan.js';
import { escapeTerminal } from '../../plain-text.js';
import type { Lang } from '../../schema/primitives.js';
import { columns, wrapText } from '../columns.js';
import { makeStyle, STATUS_MARK } from '../style.js';
import { bandText, isUntested } from '../uncertainty.js';

type PlanKey = keyof (typeof planMessages)['en'];

export function regionName(region: string, lang: Lang): string {
  const t = translator(planMessages, lang);
  const key = `region.${region}` as PlanKey;
  return key in planMessages[lang] ? t(key) : region;
}

/** A date or window: `18 Mar 2025 13:00`, `1 Jan 2027 → 31 Dec 2027`, `March 2013`, `21 Feb 2022 → ?`. */
export function formatSpan(
  o: Pick<Occurrence, 'start' | 'end' | 'precision' | 'time' | 'endKnown'>,
  lang: Lang,
  style: 'medium' | 'long' = 'medium'
): string {
  if (o.precision !== 'day') {
    // A date known to the month or year; a window that runs on past that period says until when.
    const period = formatDateWithPrecision(o.start, lang, o.precision);
    const periodEnd =
      o.precision === 'year' ? o.start.with({ month: 12, day: 31 }) : o.start.add({ months: 1 }).subtract({ days: 1 });
    return o.endKnown && Temporal.PlainDate.compare(o.end, periodEnd) > 0
      ? `${period} → ${formatDate(o.end, lang, style)}`
      : period;
  }
  const start = formatDate(o.start, lang, style);
  if (!o.endKnown) return `${start} → ?`;
  if (o.start.equals(o.end)) return o.time ? `${start} ${o.time}` : start;
  return `${start} → ${formatDate(o.end, lang, style)}`;
}

/**
 * How the date is known, in words: `actual`, `planned (announced)`, `projected · pattern rule`,
 * `projected · assumed rule, untested`, and for a slot without record what the rule expected (unless `brief`).
 */
export function statusText(o: Occurrence, lang: Lang, brief = false): string {
  const t = translator(planMessages, lang);
  if (o.status === 'unrecorded')
    return brief
      ? t('status.unrecorded')
      : t('unrecorded.expected', {
          date:
            o.precision === 'day'
              ? formatDate(o.start, lang, 'medium')
              : formatDateWithPrecision(o.start, lang, o.precision),
        });
  if (o.status === 'planned' && o.announced) return `${t('status.planned')} (${t('status.announced')})`;
  if (o.status !== 'projected' || o.basis === undefined) return t(`status.${o.status}`);
  const rule = `${t('status.projected')} · ${t(`basis.${o.basis}`)}`;
  return isUntested(o) ? `${rule}, ${t('band.untested')}` : rule;
}

/** The columns of the table that wrap on a narrow terminal: the milestone's title first, then its status. */
const TITLE = 4;
const STATUS = 5;

/**
 * The table; given the terminal's width (`width`), a wider table wraps its title column, then its status column,
 * and the legend wraps too, so that no line is wider than the terminal. Piped output (no width) is unchanged.
 */
export function renderPlanTable(
  horizon: Horizon,
  occurrences: readonly Occurrence[],
  lang: Lang,
  color: boolean,
  width?: number
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
  ];
  const paints = occurrences.map(o =>
    o.status === 'actual' ? s.green : o.status === 'planned' ? s.cyan : o.status === 'unrecorded' ? s.dim : s.yellow
  );
  const rows = occurrences.map(o => {
    const band = bandText(o, lang);
    const dates = o.status === 'unrecorded' ? '—' : band ? `${formatSpan(o, lang)} ${band}` : formatSpan(o, lang);
    const title = escapeTerminal(o.edition ? `${o.title[lang]} (${o.edition})` : o.title[lang]);
    return [
      dates,
      regionName(o.region, lang),
      o.cycle,
      o.instance,
      title,
      `${STATUS_MARK[o.status]} ${statusText(o, lang)}`,
    ];
  });
  const title = s.bold(t('heading', { from: formatDate(horizon.from, lang), to: formatDate(horizon.to, lang) }));
  const body =
    rows.length > 0
      ? columns([header, ...rows], {
          width,
          wrap: [TITLE, STATUS],
          paint: (row, column, text) => (row === 0 ? s.bold(text) : column === STATUS ? paints[row - 1]!(text) : text),
        })
      : [t('empty')];
  const legend = width === undefined ? [t('legend')] : wrapText(t('legend'), width);
  return [title, '', ...body, '', ...legend.map(s.dim), ''].join('\n');
}
