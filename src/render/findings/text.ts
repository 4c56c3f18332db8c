// `check --format text`: the verdict first, then findings grouped by instance, fixes and drift. Text from
// calendars, paths and what-ifs is escaped for the terminal (or CI log) before it is coloured.
import type { Evaluation } from '../../core/alignment/types.js';
import { escapeTerminal } from '../../plain-text.js';
import type { Lang } from '../../schema/primitives.js';
import { makeStyle } from '../style.js';
import type { Style } from '../style.js';
import {
  byInstance,
  checkedLine,
  clauseText,
  detailLines,
  localized,
  slackText,
  suggestionLines,
  summary,
  tr,
  verdict,
  whereText,
} from './common.js';
import type { FindingsInput, RenderOptions, Titles } from './types.js';

/** ✗ a broken error rule, ! a broken warning, ~ at risk, ? no record to judge by. */
const MARK = { violated: '✗', overdue: '✗', 'at-risk': '~', 'no-record': '?', holds: '✓' } as const;

function findingLines(e: Evaluation, lang: Lang, s: Style, titles: Titles | undefined): string[] {
  const t = tr(lang);
  const broken = e.state === 'violated' || e.state === 'overdue';
  const paint =
    e.status === 'history' || e.state === 'no-record' ? s.dim : broken && e.severity === 'error' ? s.red : s.yellow;
  const mark = broken && e.severity === 'warning' ? '!' : MARK[e.state];
  const severity = e.state === 'at-risk' ? 'warning' : e.severity;
  const head = [
    paint(`${mark} ${t(`severity.${severity}`)}`),
    s.bold(e.rule),
    clauseText(e.clauses, lang),
    t(`status.${e.status}`),
    t(`state.${e.state}`),
    ...(e.slackDays !== null ? [t('slack.labelled', { slack: slackText(e.slackDays, lang) })] : []),
  ].join(' · ');
  const where = whereText(e);
  return [
    `  ${head}`,
    `    ${escapeTerminal(localized(e, lang, titles))}`,
    ...detailLines(e, lang).map(l => `    ${s.dim(escapeTerminal(l))}`),
    ...(where ? [`    ${s.dim(escapeTerminal(where))}`] : []),
  ];
}

export function renderFindingsText(input: FindingsInput, opts: RenderOptions): string {
  const { lang } = opts;
  const s = makeStyle(opts.color);
  const t = tr(lang);
  const out: string[] = [];
  out.push(input.result.ok ? s.green(s.bold(verdict(input, lang))) : s.red(s.bold(verdict(input, lang))));
  out.push(summary(input, lang));
  out.push(s.dim(checkedLine(input, lang)));
  if (input.whatIfs.length > 0)
    out.push(s.cyan(escapeTerminal(t('label.whatIf', { whatIfs: input.whatIfs.join(' ') }))));
  const groups = byInstance(input);
  if (groups.length === 0 && input.result.evaluations.length > 0) out.push('', t('none'));
  for (const g of groups) {
    out.push('', s.bold(g.instance));
    for (const e of g.findings) out.push(...findingLines(e, lang, s, input.titles));
  }
  if (input.result.suggestions.length > 0) {
    out.push('', s.bold(t('heading.suggestions')));
    for (const sug of input.result.suggestions) {
      const [first = '', ...rest] = suggestionLines(sug, lang, input.titles).map(escapeTerminal);
      out.push(`  ${sug.instance}: ${first}`, ...rest.map(l => `    ${l}`));
    }
  }
  if (input.result.drift.length > 0) {
    out.push('', s.bold(t('heading.drift')));
    for (const d of input.result.drift) out.push(`  ${escapeTerminal(localized(d, lang, input.titles))}`);
  }
  if (input.result.findings.some(f => f.status === 'history') && !input.gate.includeHistory)
    out.push('', s.dim(t('history.note')));
  return out.join('\n') + '\n';
}
