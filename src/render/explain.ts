// `explain`: the derivation of each occurrence, in words.
import { Temporal } from 'temporal-polyfill';
import type { Backtest } from '../core/model/backtest.js';
import type { DerivationStep, MilestoneDef, Occurrence } from '../core/model/types.js';
import { WEEKDAYS } from '../core/dates/recurrence.js';
import { formatDate, formatWeekday } from '../i18n/format-date.js';
import { translator } from '../i18n/define.js';
import { explainMessages } from '../i18n/messages/explain.js';
import { planMessages } from '../i18n/messages/plan.js';
import { escapeTerminalLines } from '../plain-text.js';
import type { Lang } from '../schema/primitives.js';
import { formatSpan, statusText } from './plan/table.js';
import { bandText } from './uncertainty.js';

type Key = keyof (typeof explainMessages)['en'];
/** 2024-01-01 was a Monday: a fixed week to name weekdays from. */
const MONDAY = new Temporal.PlainDate(2024, 1, 1);

function describeStep(step: DerivationStep, lang: Lang): string {
  const t = translator(explainMessages, lang);
  const tp = translator(planMessages, lang);
  const iso = (d: Temporal.PlainDate): string => d.toString();
  switch (step.kind) {
    case 'nth-weekday':
      return t('step.nth', {
        ordinal: t(`ord.${step.nth}` as Key),
        weekday: formatWeekday(MONDAY.add({ days: WEEKDAYS.indexOf(step.weekday as (typeof WEEKDAYS)[number]) }), lang),
        month: formatDate(new Temporal.PlainDate(step.year, step.month, 1), lang, 'month'),
        result: iso(step.result),
      });
    case 'on':
      return t('step.on', { result: iso(step.result) });
    case 'offset':
      return step.from === 'origin' || step.from === 'end'
        ? t(step.from === 'origin' ? 'step.offsetOrigin' : 'step.offsetEnd', {
            fromDate: iso(step.fromDate),
            offset: signed(step.offset),
            result: iso(step.result),
          })
        : t('step.offset', {
            from: step.from,
            fromDate: iso(step.fromDate),
            fromStatus: tp(`status.${step.fromStatus}`),
            offset: signed(step.offset),
            result: iso(step.result),
          });
    case 'roll':
      return step.skipped.length === 0
        ? t('step.workingDay', { date: iso(step.result) })
        : t('step.roll', {
            from: iso(step.from),
            reasons: [...new Set(step.skipped.map(s => (s.reason === 'weekend' ? t('weekend') : s.reason)))].join(', '),
            direction: t(`dir.${step.direction}`),
            result: iso(step.result),
          });
    case 'bound':
      return t('step.bound', { from: iso(step.from), side: t(`side.${step.bound}`), limit: iso(step.limit) });
    case 'recorded':
      return t('step.recorded', {
        status: tp(`status.${step.status}`),
        source: step.record.source,
        confidence: step.record.confidence ? t('confidence', { c: step.record.confidence }) : '',
      });
    default:
      return step satisfies never;
  }
}

const signed = (offset: string): string =>
  offset.startsWith('-') ? `− ${offset.slice(1)}` : `+ ${offset.replace(/^\+/, '')}`;

const days = (n: number): string => (n > 0 ? `+${n} d` : n < 0 ? `−${-n} d` : '0 d');

/** Where a projection's error comes from: its rule's back-test, the rules it is placed from, or why it is untested. */
function errorLines(def: MilestoneDef, o: Occurrence, backtest: Backtest, lang: Lang): string[] {
  const t = translator(explainMessages, lang);
  const u = o.uncertainty;
  if (!u) return [];
  const lines: string[] = [];
  const own = backtest.rules.find(r => r.milestone === def.id);
  if (own)
    lines.push(
      t('backtest.points', {
        points: own.points.map(p => `${p.actual.year} ${days(p.residual)}`).join(', '),
        mean: own.meanAbs,
        max: own.maxAbs,
      })
    );
  const chained = u.parts.filter(p => p.milestone !== def.id).map(p => p.milestone);
  if (chained.length > 0) lines.push(t('backtest.chained', { ids: chained.join(', ') }));
  if (u.untested.length > 0) lines.push(t('untested', { ids: u.untested.join(', ') }));
  if (u.unrecorded.length > 0) lines.push(t('untested.unrecorded', { ids: u.unrecorded.join(', ') }));
  return lines;
}

/** What a recorded date says besides its source: its address, edition, note, and whether it was announced. */
function recordLines(o: Occurrence, lang: Lang): string[] {
  const t = translator(explainMessages, lang);
  const step = o.derivation.start[0];
  if (step?.kind !== 'recorded') return [];
  const r = step.record;
  return [
    ...(r.url ? [t('record.url', { url: r.url })] : []),
    ...(r.edition ? [t('record.edition', { edition: r.edition })] : []),
    ...(r.announced ? [t('announced')] : []),
  ];
}

export function renderExplain(
  def: MilestoneDef,
  occurrences: readonly Occurrence[],
  backtest: Backtest,
  lang: Lang,
  where: string
): string {
  const t = translator(explainMessages, lang);
  const lines = [t('heading', { id: def.id, title: def.title[lang] }), ''];
  if (occurrences.length === 0) return escapeTerminalLines([...lines, t('none', { id: def.id, where }), ''].join('\n'));
  for (const o of occurrences) {
    const band = bandText(o, lang);
    lines.push(
      t('occurrence', {
        instance: o.instance,
        year: o.year !== undefined ? t('yearSuffix', { year: o.year }) : '',
        span: band ? `${formatSpan(o, lang)} ${band}` : formatSpan(o, lang),
        status: statusText(o, lang, true),
      })
    );
    const same = o.derivation.start === o.derivation.end;
    for (const [label, steps] of same
      ? ([['', o.derivation.start]] as const)
      : ([
          [t('start'), o.derivation.start],
          [t('end'), o.derivation.end],
        ] as const)) {
      steps.forEach((step, i) =>
        lines.push(
          `  ${i === 0 && label ? `${label}: ` : label ? ' '.repeat(label.length + 2) : ''}${describeStep(step, lang)}`
        )
      );
    }
    const ruled = o.derivation.start[0]?.kind !== 'recorded';
    const notes = [
      ...recordLines(o, lang),
      ...(o.status === 'unrecorded' ? [t('unrecorded')] : []),
      ...(ruled && o.status === 'actual' ? [t('verifiedActual', { source: o.source ?? '' })] : []),
      ...(ruled && o.status === 'projected' && o.basis ? [t(`basis.${o.basis}`, { source: o.source ?? '' })] : []),
      ...(o.status === 'projected' ? errorLines(def, o, backtest, lang) : []),
      ...(ruled && o.url ? [t('record.url', { url: o.url })] : []),
      ...(o.note ? [t('note', { note: o.note })] : []),
    ];
    lines.push(...notes.map(n => `  ${n}`), '');
  }
  // Titles, sources, notes and addresses come from calendars: plain text, but a CI log reads commands in any text.
  return escapeTerminalLines(lines.join('\n'));
}
