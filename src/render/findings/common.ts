// Words and numbers shared by the findings renderers: translated messages with dates in the chosen language,
// clause lists, slack, the verdict and the counts behind it.
import { isoDate } from '../../core/dates/parse.js';
import type { CheckMessageKey, Evaluation, MessageParams, ShiftRange, Suggestion } from '../../core/alignment/types.js';
import type { SourceLocation } from '../../core/model/types.js';
import { checkMessages } from '../../i18n/messages/check.js';
import { translator } from '../../i18n/define.js';
import { formatDate } from '../../i18n/format-date.js';
import type { Lang } from '../../schema/primitives.js';
import type { FindingsInput } from './types.js';

export const tr = (lang: Lang) => translator(checkMessages, lang);

/** The engine's message in `lang`, ISO dates (params ending in `Date`) written the way that language writes them. */
export function localized(m: { messageKey: CheckMessageKey; params: MessageParams }, lang: Lang): string {
  const params: MessageParams = {};
  for (const [k, v] of Object.entries(m.params))
    params[k] =
      k.endsWith('Date') && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? formatDate(isoDate(v), lang, 'medium')
        : v;
  return tr(lang)(m.messageKey, params);
}

/**
 * Where a code host can annotate a finding, and its message there. A line in the planner's repository is
 * annotated where it is. A line the planner inherits (FindingsInput.inherited) is annotated at the `extends:`
 * line that inherits it, or nowhere when no planner file extends it; the message then names the inherited line.
 */
export function annotationPlace(
  e: Evaluation,
  input: FindingsInput,
  lang: Lang
): { at: SourceLocation | undefined; message: string } {
  const message = localized(e, lang);
  if (!e.at || !input.inherited?.has(e.at.file)) return { at: e.at, message };
  const where = e.at.line === undefined ? e.at.file : `${e.at.file}:${e.at.line}`;
  return { at: input.inherited.get(e.at.file), message: `${message} (${tr(lang)('inheritedFrom', { where })})` };
}

export const clauseText = (clauses: readonly number[], lang: Lang): string =>
  tr(lang)(clauses.length === 1 ? 'clause' : 'clauses', { clauses: clauses.join(', ') });

/** `−370 days` (a true minus sign), `12 days`, or `n/a` when nothing could be measured. */
export function slackText(slack: number | null, lang: Lang): string {
  if (slack === null) return tr(lang)('slack.none');
  return tr(lang)('slack.days', { days: slack < 0 ? `−${-slack}` : String(slack) });
}

export const rangesText = (ranges: readonly ShiftRange[], lang: Lang): string =>
  ranges
    .map(r =>
      r.min === null && r.max === null
        ? tr(lang)('unbounded')
        : r.min === r.max
          ? signed(r.min!)
          : `${r.min === null ? '−∞' : signed(r.min)} … ${r.max === null ? '+∞' : signed(r.max)}`
    )
    .join(', ');

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export interface Counts {
  planErrors: number;
  planWarnings: number;
  history: number;
  gating: number;
}

export function countFindings(input: FindingsInput): Counts {
  const f = input.result.findings;
  return {
    planErrors: f.filter(e => e.status === 'plan' && e.severity === 'error').length,
    planWarnings: f.filter(e => e.status === 'plan' && e.severity === 'warning').length,
    history: f.filter(e => e.status === 'history').length,
    gating: f.filter(e => e.gates).length,
  };
}

export function verdict(input: FindingsInput, lang: Lang): string {
  const t = tr(lang);
  const failOn = t(`severity.${input.gate.failOn}`);
  const { gating } = countFindings(input);
  return input.result.ok ? t('verdict.ok', { failOn }) : t('verdict.fail', { count: gating, failOn });
}

export function summary(input: FindingsInput, lang: Lang): string {
  const c = countFindings(input);
  return tr(lang)('summary', { errors: c.planErrors, warnings: c.planWarnings, history: c.history });
}

export const checkedLine = (input: FindingsInput, lang: Lang): string =>
  tr(lang)('checked', {
    rules: input.rules.filter(r => r.severity !== 'off').length,
    instances: input.result.instances.join(', '),
    today: formatDate(input.today, lang, 'medium'),
    movable: input.result.movable,
  });

/** Findings grouped by instance, in the order instances were evaluated. */
export function byInstance(input: FindingsInput): { instance: string; findings: Evaluation[] }[] {
  return input.result.instances
    .map(instance => ({ instance, findings: input.result.findings.filter(f => f.instance === instance) }))
    .filter(g => g.findings.length > 0);
}

export const whereText = (e: Pick<Evaluation, 'at'>): string | undefined =>
  e.at?.line !== undefined ? `${e.at.file}:${e.at.line}` : e.at?.file;

/** Annotation level: gating findings keep their severity, history findings are notes. */
export const levelOf = (e: Evaluation): 'error' | 'warning' | 'note' =>
  e.status === 'history' && !e.gates ? 'note' : e.severity;

export const suggestionLines = (s: Suggestion, lang: Lang): string[] => {
  const t = tr(lang);
  const lines = [localized(s, lang)];
  if (s.shiftDays !== undefined) {
    lines.push(t('label.allowedShifts', { ranges: rangesText(s.allowed, lang) }));
    if (s.alsoBreaks.length > 0) lines.push(t('label.alsoBreaks', { rules: s.alsoBreaks.join(', ') }));
    if (s.whatIf) lines.push(t('label.tryIt', { whatIf: s.whatIf }));
  }
  return lines;
};
