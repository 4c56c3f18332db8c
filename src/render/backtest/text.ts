// `backtest --format text|markdown`: one row per back-tested rule (its residuals, mean and largest, and the band
// its projections carry), then the rules that cannot be tested.
import type { Temporal } from 'temporal-polyfill';
import type { Backtest, BacktestedRule } from '../../core/model/backtest.js';
import { translator } from '../../i18n/define.js';
import { formatDate } from '../../i18n/format-date.js';
import { backtestMessages } from '../../i18n/messages/backtest.js';
import { planMessages } from '../../i18n/messages/plan.js';
import type { Lang } from '../../schema/primitives.js';
import { escapeMarkdown } from '../escape.js';
import { columns } from '../columns.js';

const signed = (n: number): string => (n > 0 ? `+${n} d` : n < 0 ? `−${-n} d` : '0 d');

function cells(r: BacktestedRule, lang: Lang): string[] {
  const t = translator(backtestMessages, lang);
  const p = translator(planMessages, lang);
  return [
    r.milestone,
    t(`basis.${r.basis}`),
    r.points.map(x => `${x.year ?? x.actual.year} ${signed(x.residual)}`).join(', '),
    `${r.meanAbs} d`,
    `${r.maxAbs} d`,
    r.early === r.late ? p('band.pm', { days: r.late }) : p('band.range', { early: r.early, late: r.late }),
  ];
}

export function renderBacktest(
  bt: Backtest,
  today: Temporal.PlainDate,
  lang: Lang,
  format: 'text' | 'markdown'
): string {
  const t = translator(backtestMessages, lang);
  const header = [t('col.milestone'), t('col.basis'), t('col.points'), t('col.mean'), t('col.max'), t('col.band')];
  const rows = bt.rules.map(r => cells(r, lang));
  const untestable = bt.untestable.map(u =>
    t('untestable.row', { milestone: u.milestone, basis: t(`basis.${u.basis}`), points: u.points })
  );
  const heading = t('heading', { today: formatDate(today, lang) });
  if (format === 'markdown') {
    const md = escapeMarkdown;
    return [
      `### ${md(heading)}`,
      '',
      md(t('intro')),
      '',
      ...(rows.length === 0
        ? [md(t('none'))]
        : [
            `| ${header.join(' | ')} |`,
            `|${header.map(() => '---').join('|')}|`,
            ...rows.map(r => `| ${r.map(md).join(' | ')} |`),
          ]),
      '',
      `#### ${md(t('untestable'))}`,
      '',
      ...(untestable.length === 0 ? [md(t('untestable.none'))] : untestable.map(u => `- ${md(u)}`)),
      '',
    ].join('\n');
  }
  return [
    heading,
    '',
    ...(rows.length === 0 ? [t('none')] : columns([header, ...rows])),
    '',
    `${t('untestable')}:`,
    ...(untestable.length === 0 ? [`  ${t('untestable.none')}`] : untestable.map(u => `  ${u}`)),
    '',
    t('intro'),
    '',
  ].join('\n');
}
