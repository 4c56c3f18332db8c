// `explain`: the derivation of each occurrence, in words.
import { Temporal } from 'temporal-polyfill';
import type { DerivationStep, MilestoneDef, Occurrence } from '../core/model/types.js';
import { WEEKDAYS } from '../core/dates/recurrence.js';
import { formatDate, formatWeekday } from '../i18n/format-date.js';
import { translator } from '../i18n/define.js';
import { explainMessages } from '../i18n/messages/explain.js';
import { planMessages } from '../i18n/messages/plan.js';
import type { Lang } from '../schema/primitives.js';
import { formatSpan } from './plan/table.js';

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
      return step.from === 'origin'
        ? t('step.offsetOrigin', {
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
        source: step.source,
        confidence: step.confidence ? t('confidence', { c: step.confidence }) : '',
      });
    default:
      return step satisfies never;
  }
}

const signed = (offset: string): string =>
  offset.startsWith('-') ? `− ${offset.slice(1)}` : `+ ${offset.replace(/^\+/, '')}`;

function basisLine(def: MilestoneDef, lang: Lang): string {
  const t = translator(explainMessages, lang);
  if (def.basis === 'pattern') {
    const years = [...new Set(def.history.filter(h => h.precision === 'day').map(h => h.start.year))].sort();
    return years.length > 0
      ? t('basis.pattern', { years: years.join(', ') })
      : t('basis.patternNoHistory', { source: def.source });
  }
  return t(def.basis === 'assumed' ? 'basis.assumed' : 'basis.verified', { source: def.source });
}

export function renderExplain(
  def: MilestoneDef,
  occurrences: readonly Occurrence[],
  lang: Lang,
  where: string
): string {
  const t = translator(explainMessages, lang);
  const tp = translator(planMessages, lang);
  const lines = [t('heading', { id: def.id, title: def.title[lang] }), ''];
  if (occurrences.length === 0) return [...lines, t('none', { id: def.id, where }), ''].join('\n');
  for (const o of occurrences) {
    lines.push(
      t('occurrence', {
        instance: o.instance,
        year: o.year !== undefined ? t('yearSuffix', { year: o.year }) : '',
        span: formatSpan(o, lang),
        status: tp(`status.${o.status}`),
        basis: tp(`basis.${o.basis}`),
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
    if (o.status === 'projected') lines.push(`  ${basisLine(def, lang)}`);
    lines.push('');
  }
  return lines.join('\n');
}
