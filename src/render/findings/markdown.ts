// `check --format markdown`: a pull-request comment (GitHub-flavoured tables, under GitHub's 65,536 characters).
import type { Evaluation } from '../../core/alignment/types.js';
import type { Lang } from '../../schema/primitives.js';
import {
  clauseText,
  localized,
  noFindingsText,
  slackText,
  suggestionLines,
  summary,
  tr,
  verdict,
  whereText,
} from './common.js';
import type { FindingsInput, RenderOptions, Titles } from './types.js';
import { escapeMarkdown } from '../escape.js';
import { showControls } from '../../plain-text.js';

/** GitHub refuses comments over 65,536 characters; leave room for what a CI step adds around ours. */
export const MAX_MARKDOWN = 60_000;

/** A table cell or list item: one line, no markup or HTML interpreted, and nobody @mentioned. */
const cell = escapeMarkdown;

/**
 * A code span in a table cell (a rule id, a path as the user gave it): GitHub reads `\|` there as a pipe, not
 * as the end of the cell; control characters are written out (a line break would end the row), and the span is
 * fenced with more backticks than any run inside it, padded when it starts or ends with one (CommonMark §6.1).
 */
function codeInCell(s: string): string {
  const text = showControls(s).replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const findingRow = (e: Evaluation, lang: Lang, titles: Titles | undefined): string => {
  const t = tr(lang);
  const where = whereText(e);
  const text = [
    e.instance,
    clauseText(e.clauses, lang),
    `${e.state === 'no-record' ? '❔' : e.severity === 'error' && e.state !== 'at-risk' ? '❌' : '⚠️'} ${t(`severity.${e.state === 'at-risk' ? 'warning' : e.severity}`)}`,
    `${t(`status.${e.status}`)} · ${t(`state.${e.state}`)}`,
    slackText(e.slackDays, lang),
    localized(e, lang, titles),
  ].map(cell);
  const [instance, ...rest] = text;
  const message = `${rest.pop() ?? ''}${where ? ` (${codeInCell(where)})` : ''}`;
  return `| ${[instance, codeInCell(e.rule), ...rest, message].join(' | ')} |`;
};

function stateRows(input: FindingsInput, lang: Lang): string[] {
  const { instances, evaluations } = input.result;
  const rules = [...new Set(evaluations.map(e => e.rule))];
  return rules.map(rule => {
    const cells = instances.map(instance => {
      const e = evaluations.find(x => x.rule === rule && x.instance === instance);
      if (!e) return '—'; // the rule does not apply there: a cycle it compares has no instance
      const broken = e.severity === 'error' ? '✗' : '!';
      const mark = { holds: '✓', 'at-risk': '~', 'no-record': '?', violated: broken, overdue: broken }[e.state];
      return e.slackDays === null
        ? `${mark} ${tr(lang)(`state.${e.state}`)}`
        : `${mark} ${slackText(e.slackDays, lang)}`;
    });
    return `| \`${rule}\` | ${cells.map(cell).join(' | ')} |`;
  });
}

/** Room for the "… N more" lines of the four lists that may be cut. */
const MORE_RESERVE = 4 * 80;
/** What-ifs are the user's options, shown once; a very long list is cut (the JSON has them all). */
const MAX_WHAT_IFS = 1_000;

/**
 * Every list of the comment (findings, suggestions, drift, the state of each rule) shares one budget, in that
 * order of importance: whatever the number of rules, instances or findings, the comment stays under
 * MAX_MARKDOWN and says what it left out.
 */
export function renderFindingsMarkdown(input: FindingsInput, opts: RenderOptions): string {
  const { lang } = opts;
  const t = tr(lang);
  const whatIfs = input.whatIfs.join(' ');
  const head = [`### ${verdict(input, lang)}`, '', summary(input, lang)];
  if (whatIfs)
    head.push(
      '',
      t('label.whatIf', {
        whatIfs: `\`${whatIfs.length > MAX_WHAT_IFS ? `${whatIfs.slice(0, MAX_WHAT_IFS)}…` : whatIfs}\``,
      })
    );
  const lists = {
    findings: input.result.findings.map(e => findingRow(e, lang, input.titles)),
    suggestions: input.result.suggestions.map(s => {
      const [first = '', ...rest] = suggestionLines(s, lang, input.titles);
      return `- **${s.instance}**: ${cell(first)}${rest.map(l => `<br>${cell(l)}`).join('')}`;
    }),
    drift: input.result.drift.map(d => `- ${cell(localized(d, lang, input.titles))}`),
    state: stateRows(input, lang),
  };
  const assemble = (kept: typeof lists): string => {
    const more = (list: keyof typeof lists): string[] =>
      kept[list].length < lists[list].length ? ['', t('more', { count: lists[list].length - kept[list].length })] : [];
    const body =
      lists.findings.length === 0
        ? ['', noFindingsText(input, lang)]
        : [
            '',
            `#### ${t('heading.findings')}`,
            '',
            `| ${[t('label.instance'), t('label.rule'), t('label.clause'), t('label.severity'), t('label.status'), t('label.slack'), t('label.message')].join(' | ')} |`,
            '|---|---|---|---|---|---|---|',
            ...kept.findings,
            ...more('findings'),
          ];
    const tail: string[] = [];
    if (lists.suggestions.length > 0)
      tail.push('', `#### ${t('heading.suggestions')}`, '', ...kept.suggestions, ...more('suggestions'));
    if (lists.drift.length > 0) tail.push('', `#### ${t('heading.drift')}`, '', ...kept.drift, ...more('drift'));
    const { instances } = input.result;
    if (lists.state.length > 0)
      tail.push(
        '',
        `<details><summary>${t('heading.evaluations')}</summary>`,
        '',
        `| ${t('label.rule')} | ${instances.join(' | ')} |`,
        `|---|${instances.map(() => '---').join('|')}|`,
        ...kept.state,
        ...more('state'),
        '',
        '</details>'
      );
    if (input.result.findings.some(f => f.status === 'history') && !input.gate.includeHistory)
      tail.push('', `_${t('history.note')}_`);
    return [...head, ...body, ...tail].join('\n') + '\n';
  };
  let budget = MAX_MARKDOWN - assemble({ findings: [], suggestions: [], drift: [], state: [] }).length - MORE_RESERVE;
  const fit = (rows: readonly string[]): string[] => {
    const kept: string[] = [];
    for (const row of rows) {
      if (row.length + 1 > budget) break;
      kept.push(row);
      budget -= row.length + 1;
    }
    return kept;
  };
  return assemble({
    findings: fit(lists.findings),
    suggestions: fit(lists.suggestions),
    drift: fit(lists.drift),
    state: fit(lists.state),
  });
}
