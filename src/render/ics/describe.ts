// What an event says, in one language: SUMMARY, DESCRIPTION and CATEGORIES of an emitted item.
import { isoDate } from '../../core/dates/parse.js';
import type { EmittedEvent, FeedItem } from '../../core/feeds/types.js';
import { translator } from '../../i18n/define.js';
import { formatDate, formatDateWithPrecision } from '../../i18n/format-date.js';
import { feedsMessages } from '../../i18n/messages/feeds.js';
import { planMessages } from '../../i18n/messages/plan.js';
import type { Lang } from '../../schema/primitives.js';
import { regionName } from '../plan/table.js';
import { cleanLine, cleanText } from './text.js';
import { formatInZones } from './zones.js';

type Key = keyof (typeof feedsMessages)['en'];
const day = (iso: string, lang: Lang): string => formatDate(isoDate(iso), lang);

export interface EventText {
  summary: string;
  description: string;
  categories: string[];
}

export function describeEvent(event: EmittedEvent, lang: Lang, zones: readonly string[]): EventText {
  const t = translator(feedsMessages, lang);
  const { item } = event;
  const base = titleOf(item, lang);
  const summary = event.cancelled ? t('summary.cancelled', { title: base }) : base;
  const lines = [
    ...(event.cancelled ? [t('line.cancelled', { date: day(event.cancelled.slice(0, 10), lang) }), ''] : []),
    item.finding ? item.finding.message[lang] : item.title[lang],
    ...(item.finding ? findingLines(item, lang) : milestoneLines(item, lang, zones)),
  ];
  return {
    summary: cleanLine(summary),
    description: cleanText(lines.join('\n')),
    categories: categoriesOf(item, lang).map(c => cleanLine(c, 64)),
  };
}

function titleOf(item: FeedItem, lang: Lang): string {
  const t = translator(feedsMessages, lang);
  if (item.finding) return t('summary.finding', { rule: item.finding.rule });
  const title = item.edition ? `${item.title[lang]} (${item.edition})` : item.title[lang];
  const labelled = item.year !== undefined && item.role !== 'point' ? `${title} (${item.year})` : title;
  if (item.role === 'start') return t('summary.start', { title: labelled });
  if (item.role === 'end') return t('summary.end', { title: labelled });
  return title;
}

function milestoneLines(item: FeedItem, lang: Lang, zones: readonly string[]): string[] {
  const t = translator(feedsMessages, lang);
  const cycle = item.cycleName[lang];
  const lines = [
    item.year === undefined
      ? t('line.cycle', { cycle, instance: item.instance })
      : t('line.cycleYear', { cycle, instance: item.instance, year: item.year }),
  ];
  if (item.openEnd) {
    lines.push(t('line.openEnd', { start: day(item.start, lang) }));
  } else if (item.window) {
    const key: Key = item.role === 'start' ? 'line.windowStart' : 'line.windowEnd';
    lines.push(t(key, { start: day(item.window.start, lang), end: day(item.window.end, lang) }));
  } else if (item.precision !== 'day') {
    const key: Key = item.precision === 'month' ? 'line.whenMonth' : 'line.whenYear';
    lines.push(t(key, { date: formatDateWithPrecision(isoDate(item.start), lang, item.precision) }));
  } else if (item.start === item.end) {
    lines.push(t('line.when', { date: day(item.start, lang) }));
  } else {
    lines.push(t('line.span', { start: day(item.start, lang), end: day(item.end, lang) }));
  }
  if (item.time) lines.push(t('line.time', { times: formatInZones(item.start, item.time, item.zone, zones, lang) }));
  // The words for status and basis are the ones `plan` prints.
  const words = translator(planMessages, lang);
  if (item.status && item.basis)
    lines.push(t('line.status', { status: words(`status.${item.status}`), basis: words(`basis.${item.basis}`) }));
  else if (item.status) lines.push(t('line.statusOnly', { status: words(`status.${item.status}`) }));
  if (item.announced) lines.push(t('line.announced'));
  if (item.band === 'untested') lines.push(t('line.untested'));
  else if (item.band && (item.band.early > 0 || item.band.late > 0))
    lines.push(
      t('line.band', {
        band:
          item.band.early === item.band.late
            ? words('band.pm', { days: item.band.late })
            : words('band.range', { early: item.band.early, late: item.band.late }),
      })
    );
  if (item.edition) lines.push(t('line.edition', { edition: item.edition }));
  if (item.confidence) lines.push(t('line.confidence', { confidence: t(`confidence.${item.confidence}`) }));
  if (item.note) lines.push(t('line.note', { note: item.note }));
  lines.push(t('line.source', { source: item.source }));
  if (item.url) lines.push(t('line.url', { url: item.url }));
  lines.push(t('line.id', { id: item.milestone }));
  return lines;
}

function findingLines(item: FeedItem, lang: Lang): string[] {
  const t = translator(feedsMessages, lang);
  const f = item.finding!;
  const span = (a: string, b: string): string => (a === b ? day(a, lang) : `${day(a, lang)} – ${day(b, lang)}`);
  return [
    item.title[lang],
    t('line.rule', { rule: f.rule, severity: t(`severity.${f.severity}`) }),
    ...(f.clauses.length > 0 ? [t('line.clauses', { clauses: f.clauses.join(', ') })] : []),
    t('line.instance', { instance: item.instance }),
    t('line.findingStatus', { status: t(`finding.${f.status}`) }),
    ...(f.state ? [t('line.state', { state: t(`state.${f.state}`) })] : []),
    ...(f.slackDays !== undefined ? [t('line.slack', { days: f.slackDays })] : []),
    ...f.milestones.map(m => t('line.compared', { label: m.label, dates: span(m.start, m.end) })),
    t('line.source', { source: f.rulesFile }),
  ];
}

function categoriesOf(item: FeedItem, lang: Lang): string[] {
  if (item.finding) return [translator(feedsMessages, lang)('category.findings'), regionName(item.region, lang)];
  return [regionName(item.region, lang), item.cycle];
}
