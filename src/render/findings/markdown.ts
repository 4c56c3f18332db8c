// `check --format markdown`: a pull-request comment (GitHub-flavoured tables, under GitHub's 65,536 characters).
import type { Evaluation } from '../../core/alignment/types.js';
import type { Lang } from '../../schema/primitives.js';
import { clauseText, localized, slackText, suggestionLines, summary, tr, verdict, whereText } from './common.js';
import type { FindingsInput, RenderOptions } from './types.js';
import { escapeMarkdown } from '../escape.js';

/** GitHub refuses comments over 65,536 characters; leave room for what a CI step adds around ours. */
export const MAX_MARKDOWN = 60_000;

/** A code span in a table cell: GitHub reads `\|` there as a pipe, not as the end of the cell. */
const codeInCell = (s: string): string => `\`${s.replace(/\|/g, '\\|')}\``;

const findingRow = (e: Evaluation, lang: Lang): string => {
  const t = tr(lang);
  const where = whereText(e);
  const text = [
    e.instance,
    clauseText(e.clauses, lang),
    `${e.state === 'no-record' ? '❔' : e.severity === 'error' && e.state !== 'at-risk' ? '❌' : '⚠️'} ${t(`severity.${e.state === 'at-risk' ? 'warning' : e.severity}`)}`,
    `${t(`status.${e.status}`)} · ${t(`state.${e.state}`)}`,
    slackText(e.slackDays, lang),
    localized(e, lang),
  ].map(escapeMarkdown);
  const [instance, ...rest] = text;
  const message = `${rest.pop() ?? ''}${where ? ` (${codeInCell(where)})` : ''}`;
  return `| ${[instance, codeInCell(e.rule), ...rest, message].join(' | ')} |`;
};

function stateTable(input: FindingsInput, lang: Lang): string[] {
  const t = tr(lang);
  const { instances, evaluations } = input.result;
  const rules = [...new Set(evaluations.map(e => e.rule))];
  const rows = rules.map(rule => {
    const cells = instances.map(instance => {
      const e = evaluations.find(x => x.rule === rule && x.instance === instance);
      if (!e) return '';
      const mark = {
        holds: '✓',
        'at-risk': '~',
        'no-record': '?',
        violated: e.severity === 'error' ? '✗' : '!',
        overdue: e.severity === 'error' ? '✗' : '!',
      }[e.state];
      return e.slackDays === null ? `${mark} ${t(`state.${e.state}`)}` : `${mark} ${slackText(e.slackDays, lang)}`;
    });
    return `| ${codeInCell(rule)} | ${cells.map(escapeMarkdown).join(' | ')} |`;
  });
  return [
    `| ${t('label.rule')} | ${instances.join(' | ')} |`,
    `|---|${instances.map(() => '---').join('|')}|`,
    ...rows,
  ];
}

export function renderFindingsMarkdown(input: FindingsInput, opts: RenderOptions): string {
  const { lang } = opts;
  const t = tr(lang);
  const head = [`### ${verdict(input, lang)}`, '', summary(input, lang)];
  if (input.whatIfs.length > 0) head.push('', t('label.whatIf', { whatIfs: `\`${input.whatIfs.join(' ')}\`` }));
  const tail: string[] = [];
  if (input.result.suggestions.length > 0) {
    tail.push('', `#### ${t('heading.suggestions')}`, '');
    for (const s of input.result.suggestions) {
      const [first = '', ...rest] = suggestionLines(s, lang);
      tail.push(`- **${s.instance}**: ${escapeMarkdown(first)}${rest.map(l => `<br>${escapeMarkdown(l)}`).join('')}`);
    }
  }
  if (input.result.drift.length > 0) {
    tail.push('', `#### ${t('heading.drift')}`, '');
    for (const d of input.result.drift) tail.push(`- ${escapeMarkdown(localized(d, lang))}`);
  }
  tail.push(
    '',
    `<details><summary>${t('heading.evaluations')}</summary>`,
    '',
    ...stateTable(input, lang),
    '',
    '</details>'
  );
  if (input.result.findings.some(f => f.status === 'history') && !input.gate.includeHistory)
    tail.push('', `_${t('history.note')}_`);

  const rows = input.result.findings.map(e => findingRow(e, lang));
  const table = [
    `| ${[t('label.instance'), t('label.rule'), t('label.clause'), t('label.severity'), t('label.status'), t('label.slack'), t('label.message')].join(' | ')} |`,
    '|---|---|---|---|---|---|---|',
  ];
  const fixed = [...head, '', ...table].join('\n').length + tail.join('\n').length + 200;
  const kept: string[] = [];
  let size = fixed;
  for (const row of rows) {
    if (size + row.length + 1 > MAX_MARKDOWN) break;
    kept.push(row);
    size += row.length + 1;
  }
  const body =
    rows.length === 0
      ? ['', t('none')]
      : [
          '',
          `#### ${t('heading.findings')}`,
          '',
          ...table,
          ...kept,
          ...(kept.length < rows.length ? ['', t('more', { count: rows.length - kept.length })] : []),
        ];
  return [...head, ...body, ...tail].join('\n') + '\n';
}
